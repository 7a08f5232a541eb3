package org.ucdgba.gba.bsf;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * An outstanding Ub challenge: the subscriber and the authentication vector behind the nonce of a 401, kept under
 * that nonce until the device answers or the challenge lifetime ends. Taken from the store exactly once, so a nonce
 * is single-use. A decoy (no user) stands for an IMPI without a usable subscription: it is stored and refused
 * exactly like a real challenge, so that nothing tells the two apart.
 */
record UbChallenge(String userId, String impi, byte[] rand, byte[] xres, byte[] ck, byte[] ik) {

    /** Whether this challenge belongs to no subscriber. */
    boolean decoy() {
        return userId == null;
    }

    Map<String, String> toNotes() {
        Base64.Encoder b64 = Base64.getEncoder();
        Map<String, String> notes = new HashMap<>(Map.of("impi", impi, "rand", b64.encodeToString(rand),
                "xres", b64.encodeToString(xres), "ck", b64.encodeToString(ck), "ik", b64.encodeToString(ik)));
        if (userId != null) {
            notes.put("userId", userId);
        }
        return notes;
    }

    static UbChallenge fromNotes(Map<String, String> n) {
        Base64.Decoder b64 = Base64.getDecoder();
        return new UbChallenge(n.get("userId"), n.get("impi"), b64.decode(n.get("rand")), b64.decode(n.get("xres")),
                b64.decode(n.get("ck")), b64.decode(n.get("ik")));
    }
}
