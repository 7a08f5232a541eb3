package org.ucdgba.gba.bsf;

import java.util.Base64;
import java.util.Map;

/**
 * An outstanding Ub challenge: the subscriber and the authentication vector behind the nonce of a 401, kept under
 * that nonce until the device answers or the challenge lifetime ends. Taken from the store exactly once, so a nonce
 * is single-use.
 */
record UbChallenge(String userId, String impi, byte[] rand, byte[] xres, byte[] ck, byte[] ik) {

    Map<String, String> toNotes() {
        Base64.Encoder b64 = Base64.getEncoder();
        return Map.of("userId", userId, "impi", impi, "rand", b64.encodeToString(rand),
                "xres", b64.encodeToString(xres), "ck", b64.encodeToString(ck), "ik", b64.encodeToString(ik));
    }

    static UbChallenge fromNotes(Map<String, String> n) {
        Base64.Decoder b64 = Base64.getDecoder();
        return new UbChallenge(n.get("userId"), n.get("impi"), b64.decode(n.get("rand")), b64.decode(n.get("xres")),
                b64.decode(n.get("ck")), b64.decode(n.get("ik")));
    }
}
