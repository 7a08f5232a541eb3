package org.ucdgba.gba.core.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.ucdgba.gba.core.Hex;
import org.junit.jupiter.api.Test;

/** The published examples of RFC 7616 clause 3.9.1 and RFC 2617 clause 3.5, and the auth-int and rspauth forms. */
class DigestCalculatorTest {

    private static final byte[] CIRCLE_OF_LIFE = "Circle of Life".getBytes(StandardCharsets.UTF_8);

    private static DigestInput rfc7616() {
        return new DigestInput("Mufasa", "http-auth@example.org", CIRCLE_OF_LIFE,
                "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "/dir/index.html", "auth", "00000001",
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");
    }

    @Test
    void rfc7616Md5Example() {
        assertEquals("8ca523f5e9506fed4657c9700eebdbec",
                new DigestCalculator(DigestAlgorithm.MD5).response(rfc7616(), "GET", null));
    }

    @Test
    void rfc7616Sha256Example() {
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
                new DigestCalculator(DigestAlgorithm.SHA_256).response(rfc7616(), "GET", null));
    }

    @Test
    void rfc2617Example() {
        // RFC 2617 spells the password "Circle Of Life", unlike RFC 7616.
        DigestInput in = new DigestInput("Mufasa", "testrealm@host.com",
                "Circle Of Life".getBytes(StandardCharsets.UTF_8),
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "/dir/index.html", "auth", "00000001", "0a4f113b");
        assertEquals("6629fae49393a05397450978507c4ef1",
                new DigestCalculator(DigestAlgorithm.MD5).response(in, "GET", null));
    }

    /**
     * RFC 3310 has no worked example; this one (TS 35.207 test set 1, RES as the raw 8-octet password, RFC 3310
     * clause 3.3) was computed independently with Python's hashlib. It also shows RES is not used as hex text.
     */
    @Test
    void akav1Md5WithTheRawResAsPassword() {
        byte[] res = Hex.decode("a54211d5e3ba50bf");
        String nonce = new AkaNonce(Hex.decode("23553cbe9637a89d218ae64dae47bf35"),
                Hex.decode("55f328b43577b9b94a9ffac354dfafb3"), new byte[0]).encode();
        assertEquals("I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7M=", nonce);
        DigestCalculator aka = new DigestCalculator(DigestAlgorithm.AKAV1_MD5);
        assertEquals("4e75ff723eb81f0a9bef29922a1526d1", aka.response(new DigestInput("user@example.org",
                "example.org", res, nonce, "sip:example.org", "auth", "00000001", "0a4f113b"), "REGISTER", null));
        // With auts, the response is computed with an empty password (RFC 3310 clause 3.4).
        assertEquals("1a2d0e5f3936c4c9fc5aa0f5ccec24da", aka.response(new DigestInput("user@example.org",
                "example.org", new byte[0], nonce, "sip:example.org", "auth", "00000001", "0a4f113b"),
                "REGISTER", null));
    }

    @Test
    void authIntCoversTheBody() {
        DigestInput in = new DigestInput("Mufasa", "http-auth@example.org", CIRCLE_OF_LIFE, "n", "/x", "auth-int",
                "00000001", "c");
        DigestCalculator calc = new DigestCalculator(DigestAlgorithm.SHA_256);
        String a = calc.response(in, "POST", "a".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(a, calc.response(in, "POST", "b".getBytes(StandardCharsets.UTF_8)));
        // With no body the hash of the empty entity is used (RFC 7616 clause 3.4.3).
        assertEquals(calc.response(in, "POST", new byte[0]), calc.response(in, "POST", null));
    }

    @Test
    void rspauthLeavesTheMethodOut() {
        DigestCalculator calc = new DigestCalculator(DigestAlgorithm.MD5);
        // rspauth is the request-digest with an empty method (RFC 7616 clause 3.5).
        assertEquals(calc.response(rfc7616(), "", null), calc.rspauth(rfc7616(), null));
        assertNotEquals(calc.response(rfc7616(), "GET", null), calc.rspauth(rfc7616(), null));
    }

    @Test
    void constantTimeComparison() {
        assertTrue(DigestCalculator.matches("abc", "abc"));
        assertFalse(DigestCalculator.matches("abc", "abd"));
        assertFalse(DigestCalculator.matches("abc", null));
    }

    @Test
    void unknownQopAndAlgorithmAreRefused() {
        DigestInput in = new DigestInput("u", "r", CIRCLE_OF_LIFE, "n", "/", "auth-conf", "00000001", "c");
        assertThrows(DigestException.class, () -> new DigestCalculator(DigestAlgorithm.MD5).response(in, "GET", null));
        assertThrows(DigestException.class, () -> DigestAlgorithm.fromToken("SHA-512-256-sess"));
        assertEquals(DigestAlgorithm.AKAV1_MD5, DigestAlgorithm.fromToken("akav1-md5"));
        assertEquals(DigestAlgorithm.MD5, DigestAlgorithm.fromToken(null));
    }
}
