package org.ucdgba.gba.core.zn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ucdgba.gba.core.bootstrap.BTid;
import org.ucdgba.gba.core.kdf.NafId;
import org.ucdgba.gba.core.kdf.UaSecurityProtocolId;
import org.ucdgba.io.RefusedInput;

class ZnSoapTest {

    private static final BTid BTID = BTid.of(new byte[16], "bsf.operator.example");
    private static final NafId NAF = new NafId("naf.example.org", UaSecurityProtocolId.HTTP_DIGEST);

    @Test
    void requestRoundTrip() {
        String xml = ZnSoap.writeRequest(new ZnRequest(BTID, NAF, true));
        // nafid is base64 of FQDN || 01 00 00 00 02.
        assertTrue(xml.contains("<gba:nafid>bmFmLmV4YW1wbGUub3JnAQAAAAI=</gba:nafid>"), xml);
        ZnRequest back = ZnSoap.readRequest(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(BTID, back.btid());
        assertEquals(NAF, back.nafId());
        assertTrue(back.gbaUAware());
    }

    @Test
    void answerRoundTrip() throws ZnException {
        byte[] key = new byte[32];
        key[0] = 7;
        ZnAnswer answer = new ZnAnswer("alice@ims.operator.example", key, null, Instant.parse("2026-11-23T10:00:00Z"),
                Instant.parse("2026-11-23T11:00:00Z"), List.of("sip:alice@operator.example", "tel:+15551234"));
        ZnAnswer back = ZnSoap.readAnswer(ZnSoap.writeAnswer(answer).getBytes(StandardCharsets.UTF_8));
        assertEquals(answer.impi(), back.impi());
        assertArrayEquals(key, back.meKeyMaterial());
        assertNull(back.uiccKeyMaterial());
        assertEquals(answer.keyExpiryTime(), back.keyExpiryTime());
        assertEquals(answer.impus(), back.impus());
    }

    @Test
    void faultsCarryTheReason() {
        String fault = ZnSoap.writeFault(ZnException.Reason.UNKNOWN_BTID, "no bootstrapping context");
        ZnException e = assertThrows(ZnException.class,
                () -> ZnSoap.readAnswer(fault.getBytes(StandardCharsets.UTF_8)));
        assertEquals(ZnException.Reason.UNKNOWN_BTID, e.reason());
        assertEquals("no bootstrapping context", e.getMessage());
    }

    @Test
    void hostileOrWrongDocumentsAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<soap:Envelope xmlns:soap=\"" + ZnSoap.SOAP_NS + "\"><soap:Body>&x;</soap:Body></soap:Envelope>";
        assertThrows(RefusedInput.class, () -> ZnSoap.readRequest(xxe.getBytes(StandardCharsets.UTF_8)));
        assertThrows(RefusedInput.class, () -> ZnSoap.readRequest(new byte[70 * 1024]));
        assertThrows(RefusedInput.class, () -> ZnSoap.readRequest("<a/>".getBytes(StandardCharsets.UTF_8)));
        ZnException e = assertThrows(ZnException.class,
                () -> ZnSoap.readAnswer(ZnSoap.writeRequest(new ZnRequest(BTID, NAF, false))
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals(ZnException.Reason.PROTOCOL, e.reason());
    }
}
