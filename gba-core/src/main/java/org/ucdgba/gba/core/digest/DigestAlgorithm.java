package org.ucdgba.gba.core.digest;

import java.util.Locale;

/**
 * The Digest algorithms this library speaks: the RFC 7616 hashes and AKAv1-MD5 of RFC 3310, which is MD5 with the
 * AKA RES as password. The "-sess" variants are not offered: neither Ub nor Ua (TS 24.109) uses them.
 */
public enum DigestAlgorithm {
    /** MD5 (RFC 7616 clause 3.2, kept for interoperability). */
    MD5("MD5", "MD5"),
    /** SHA-256 (RFC 7616 clause 3.2). */
    SHA_256("SHA-256", "SHA-256"),
    /** AKAv1-MD5 (RFC 3310 clause 3.1): password = RES, hash MD5. Used on Ub (TS 24.109 clause 5.2). */
    AKAV1_MD5("AKAv1-MD5", "MD5");

    private final String token;
    private final String jcaName;

    DigestAlgorithm(String token, String jcaName) {
        this.token = token;
        this.jcaName = jcaName;
    }

    /** The value of the {@code algorithm} directive. */
    public String token() {
        return token;
    }

    String jcaName() {
        return jcaName;
    }

    /** The algorithm named by a directive value (case-insensitive); absent means MD5 (RFC 7616 clause 3.3). */
    public static DigestAlgorithm fromToken(String token) {
        if (token == null) {
            return MD5;
        }
        for (DigestAlgorithm a : values()) {
            if (a.token.toLowerCase(Locale.ROOT).equals(token.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new DigestException("unsupported digest algorithm: " + token);
    }
}
