package org.ucdgba.gba.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Keys for shared stores built from values a peer sent (a nonce, a B-TID): the peer's part is replaced by its
 * SHA-256, so that no peer can choose the key's text (length, separators, reserved suffixes) or make two parts
 * collide.
 */
public final class StoreKey {

    private StoreKey() {
    }

    /** {@code prefix:scope:base64url(SHA-256(part1 NUL part2 ...))}. */
    public static String of(String prefix, String scope, String... untrustedParts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : untrustedParts) {
                sha256.update(part.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            }
            return prefix + ":" + scope + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JRE", e);
        }
    }
}
