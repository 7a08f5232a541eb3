package org.ucdgba.gba.core.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DigestHeaderTest {

    @Test
    void parsesTheRfc7616Challenge() {
        DigestHeader h = DigestHeader.parse("Digest\n realm=\"http-auth@example.org\",\n qop=\"auth, auth-int\",\n"
                + " algorithm=SHA-256,\n nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\",\n"
                + " opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"", true);
        assertEquals("http-auth@example.org", h.get("realm"));
        assertEquals("auth, auth-int", h.get("qop"));
        assertEquals("SHA-256", h.get("ALGORITHM"));
        assertEquals("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", h.require("nonce"));
    }

    @Test
    void formatsAndParsesBack() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("username", "a\"b\\c");
        d.put("realm", "3GPP-bootstrapping@naf.example.org");
        d.put("nc", "00000001");
        d.put("algorithm", "MD5");
        DigestHeader h = DigestHeader.of(d);
        assertEquals("Digest username=\"a\\\"b\\\\c\", realm=\"3GPP-bootstrapping@naf.example.org\", nc=00000001, "
                + "algorithm=MD5", h.format());
        assertEquals(d, DigestHeader.parse(h.format(), true).directives());
    }

    @Test
    void qopIsAQuotedListInAChallengeAndATokenInAnAnswer() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("realm", "r");
        d.put("qop", "auth-int,auth");
        d.put("algorithm", "MD5");
        assertEquals("Digest realm=\"r\", qop=\"auth-int,auth\", algorithm=MD5", DigestHeader.of(d).formatChallenge());
        d.put("qop", "auth-int");
        assertEquals("realm=\"r\", qop=auth-int, algorithm=MD5", DigestHeader.of(d).formatDirectives());
    }

    @Test
    void refusesMalformedHeaders() {
        assertThrows(DigestException.class, () -> DigestHeader.parse("Basic dXNlcjpwYXNz", true));
        assertThrows(DigestException.class, () -> DigestHeader.parse("Digestrealm=\"x\"", true));
        assertThrows(DigestException.class, () -> DigestHeader.parse("Digest realm=\"x", true));
        assertThrows(DigestException.class, () -> DigestHeader.parse("Digest realm", true));
        assertThrows(DigestException.class, () -> DigestHeader.parse("Digest realm=a, realm=b", true));
        assertThrows(DigestException.class, () -> DigestHeader.parse("Digest a=\"" + "x".repeat(9000) + "\"", true));
        assertThrows(DigestException.class, () -> DigestHeader.parse("Digest realm=a", true).require("nonce"));
    }
}
