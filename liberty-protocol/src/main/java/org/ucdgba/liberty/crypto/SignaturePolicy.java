package org.ucdgba.liberty.crypto;

import java.util.EnumSet;
import java.util.Set;

/**
 * The signature algorithms accepted from, and the one used towards, one partner. The default accepts RSA-SHA256 and
 * ECDSA-SHA256 and signs with the one that fits the key; RSA-SHA1 enters only by {@link #legacyRsaSha1()}.
 *
 * @param accepted the algorithms whose signatures are accepted
 * @param outgoing the algorithm to sign with, or null for the default of the signing key
 */
public record SignaturePolicy(Set<SignatureAlgorithm> accepted, SignatureAlgorithm outgoing) {

    public SignaturePolicy {
        accepted = Set.copyOf(accepted);
    }

    /** RSA-SHA256 and ECDSA-SHA256 only. */
    public static SignaturePolicy modern() {
        return new SignaturePolicy(EnumSet.of(SignatureAlgorithm.RSA_SHA256, SignatureAlgorithm.ECDSA_SHA256), null);
    }

    /** For a legacy partner that asked for RSA-SHA1 explicitly: accepts it too, and signs with it. */
    public static SignaturePolicy legacyRsaSha1() {
        return new SignaturePolicy(EnumSet.allOf(SignatureAlgorithm.class), SignatureAlgorithm.RSA_SHA1);
    }

    /** Whether a signature made with this algorithm is accepted. */
    public boolean accepts(SignatureAlgorithm algorithm) {
        return algorithm != null && accepted.contains(algorithm);
    }
}
