package org.ucdgba.gba.core.digest;

import java.util.Arrays;
import java.util.Base64;

/**
 * The nonce of HTTP Digest AKA: base64(RAND || AUTN || server data) (RFC 3310 clause 3.2, TS 24.109 clause 5.2).
 *
 * @param rand       the 16-octet AKA RAND
 * @param autn       the 16-octet AKA AUTN
 * @param serverData octets the server adds to make the nonce its own (may be empty)
 */
public record AkaNonce(byte[] rand, byte[] autn, byte[] serverData) {

    /** The nonce directive value. */
    public String encode() {
        byte[] raw = new byte[32 + serverData.length];
        System.arraycopy(rand, 0, raw, 0, 16);
        System.arraycopy(autn, 0, raw, 16, 16);
        System.arraycopy(serverData, 0, raw, 32, serverData.length);
        return Base64.getEncoder().encodeToString(raw);
    }

    /** Splits a nonce directive value; a {@link DigestException} when it is not base64 of at least 32 octets. */
    public static AkaNonce decode(String nonce) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            throw new DigestException("AKA nonce is not base64");
        }
        if (raw.length < 32) {
            throw new DigestException("AKA nonce shorter than RAND || AUTN");
        }
        return new AkaNonce(Arrays.copyOfRange(raw, 0, 16), Arrays.copyOfRange(raw, 16, 32),
                Arrays.copyOfRange(raw, 32, raw.length));
    }
}
