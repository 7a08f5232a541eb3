package org.ucdgba.gba.core.kdf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * NAF_Id = the FQDN of the NAF || the Ua security protocol identifier (TS 33.220 clause 4.5.2 and Annex H).
 *
 * @param fqdn       the NAF's fully qualified domain name, as the UE uses it in the Ua request (lower case)
 * @param uaProtocol the Ua security protocol identifier
 */
public record NafId(String fqdn, UaSecurityProtocolId uaProtocol) {

    /** The Digest realm prefix of a NAF using GBA_ME keys on Ua (TS 24.109 clause 5.2.2). */
    public static final String DIGEST_REALM_PREFIX = "3GPP-bootstrapping@";

    public NafId {
        Objects.requireNonNull(fqdn, "fqdn");
        Objects.requireNonNull(uaProtocol, "uaProtocol");
        if (fqdn.isBlank() || fqdn.contains("@") || fqdn.contains("/") || fqdn.contains(":")) {
            throw new IllegalArgumentException("not a NAF FQDN: " + fqdn);
        }
        fqdn = fqdn.toLowerCase(Locale.ROOT);
    }

    /** The Digest realm this NAF challenges with on Ua: {@code 3GPP-bootstrapping@<FQDN>}. */
    public String digestRealm() {
        return DIGEST_REALM_PREFIX + fqdn;
    }

    /** The octet string used as P3 of the key derivation: UTF-8 FQDN followed by the five protocol octets. */
    public byte[] octets() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(fqdn.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(uaProtocol.octets());
        return out.toByteArray();
    }
}
