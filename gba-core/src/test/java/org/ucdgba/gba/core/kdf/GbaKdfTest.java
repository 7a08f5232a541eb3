package org.ucdgba.gba.core.kdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.ucdgba.gba.core.Hex;

/**
 * TS 33.220 Annex B. No published known-answer vector exists for Ks_NAF; the expected values below were computed
 * by a separate implementation (Python hmac, checked with openssl) from test set 1 of TS 35.207, so they pin the
 * octet layout S = FC || P0 || L0 || ... || P3 || L3.
 */
class GbaKdfTest {

    private static final byte[] KS = Hex.decode(
            "b40ba9a3c58b2a05bbf0d987b21bf8cb" + "f769bcd751044604127672711c6d3441");
    private static final byte[] RAND = Hex.decode("23553cbe9637a89d218ae64dae47bf35");
    private static final NafId NAF = new NafId("naf.example.org", UaSecurityProtocolId.HTTP_DIGEST);

    @Test
    void nafIdIsFqdnFollowedByTheProtocolOctets() {
        assertEquals("6e61662e6578616d706c652e6f72670100000002", Hex.encode(NAF.octets()));
        assertEquals("naf.example.org", new NafId("NAF.Example.org", UaSecurityProtocolId.HTTP_DIGEST).fqdn());
        assertThrows(IllegalArgumentException.class, () -> new NafId("naf.example.org:443",
                UaSecurityProtocolId.HTTP_DIGEST));
        assertThrows(IllegalArgumentException.class, () -> UaSecurityProtocolId.of("01000000"));
    }

    @Test
    void ksNafForGbaMe() {
        assertEquals("a18c16a2d745879246c29b70769652db157fba89044a4d77853ae0650a5e44e5",
                Hex.encode(GbaKdf.ksExtNaf(KS, RAND, "user@example.org", NAF)));
    }

    @Test
    void ksIntNafForGbaU() {
        assertEquals("9c114a580099f6dd1d2e9fbca8df99039c75adf811540f12a8056b2bda111e84",
                Hex.encode(GbaKdf.ksIntNaf(KS, RAND, "user@example.org", NAF)));
    }

    @Test
    void everyInputChangesTheKey() {
        String base = Hex.encode(GbaKdf.ksExtNaf(KS, RAND, "user@example.org", NAF));
        assertNotEquals(base, Hex.encode(GbaKdf.ksExtNaf(KS, RAND, "other@example.org", NAF)));
        assertNotEquals(base, Hex.encode(GbaKdf.ksExtNaf(KS, RAND, "user@example.org",
                new NafId("naf.example.org", UaSecurityProtocolId.TS_33_221))));
        assertNotEquals(base, Hex.encode(GbaKdf.ksExtNaf(KS, RAND, "user@example.org",
                new NafId("naf2.example.org", UaSecurityProtocolId.HTTP_DIGEST))));
    }
}
