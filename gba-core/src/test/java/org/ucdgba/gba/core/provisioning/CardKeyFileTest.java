package org.ucdgba.gba.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ucdgba.gba.core.Hex;
import org.ucdgba.gba.core.Milenage;

class CardKeyFileTest {

    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    private static final String OP = "cdc202d5123e20f62b6d676ac72cb318";
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";

    private static List<CardKeyFile.Row> rows(String csv, ColumnKeys keys, int mncDigits) {
        List<CardKeyFile.Row> rows = new ArrayList<>();
        CardKeyFile file = CardKeyFile.open(new StringReader(csv), keys, mncDigits);
        for (Optional<CardKeyFile.Row> row = file.next(); row.isPresent(); row = file.next()) {
            rows.add(row.get());
        }
        return rows;
    }

    @Test
    void readsPySimsLayoutWithExtraColumnsInAnyCase() {
        List<CardKeyFile.Row> rows = rows("""
                iccid,imsi,ki,opc,adm1,pin1\r
                8988211000000000017,001010000000001,%s,%s,12345678,1234\r
                \r
                "8988211000000000025",001010000000002,%s,%s,,\r
                """.formatted(K, OPC, K, OPC), ColumnKeys.NONE, 2);
        assertEquals(2, rows.size());
        CardKeyFile.Row first = rows.get(0);
        assertEquals(2, first.line());
        assertEquals("8988211000000000017", first.iccid());
        assertNull(first.refusal());
        assertEquals("001010000000001@ims.mnc001.mcc001.3gppnetwork.org", first.card().identity().impi());
        assertEquals("sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org", first.card().identity().impu());
        assertArrayEquals(Hex.decode(K), first.card().k());
        assertArrayEquals(Hex.decode(OPC), first.card().opc());
        assertArrayEquals(Hex.decode("8000"), first.card().amf());
        assertEquals(4, rows.get(1).line());
        assertEquals("8988211000000000025", rows.get(1).iccid());
    }

    @Test
    void derivesOpcFromOpAndTakesAmfMncAndImpiColumns() {
        List<CardKeyFile.Row> rows = rows("""
                IMSI,MNC,KI,OP,AMF,IMPI
                310150123456789,150,%s,%s,b9b9,
                262011234567890,01,%s,%s,,alice@ims.example.net
                """.formatted(K, OP, K, OP), ColumnKeys.NONE, 0);
        // TS 35.207 test set 1: OP cdc202d5... gives OPc cd63cb71...
        assertArrayEquals(Hex.decode(OPC), rows.get(0).card().opc());
        assertArrayEquals(Hex.decode("b9b9"), rows.get(0).card().amf());
        assertEquals("310150123456789@ims.mnc150.mcc310.3gppnetwork.org", rows.get(0).card().identity().impi());
        assertEquals("alice@ims.example.net", rows.get(1).card().identity().impi());
    }

    @Test
    void decryptsColumnsAsPySimEncryptsThem() {
        // AES-128-CBC, IV 23..23, no padding, computed with openssl enc -nopad (an independent implementation).
        ColumnKeys keys = ColumnKeys.parse("KI:000102030405060708090a0b0c0d0e0f, opc:000102030405060708090a0b0c0d0e0f");
        List<CardKeyFile.Row> rows = rows("ICCID,IMSI,KI,OPC\n8988211000000000017,001010000000001,"
                + "31ba94309293dae69edfd39709d2609a,31ba94309293dae69edfd39709d2609a\n", keys, 2);
        assertArrayEquals(Hex.decode("00112233445566778899aabbccddeeff"), rows.get(0).card().k());
        assertEquals("31ba94309293dae69edfd39709d2609a",
                keys.encrypt("OPC", Hex.decode("00112233445566778899aabbccddeeff")));
        assertTrue(keys.encrypts("Ki"));
        assertFalse(keys.toString().contains("0001"), "the keys never appear in text");
    }

    @Test
    void refusesBadRowsByColumnWithoutTheirValues() {
        String secret = "465b5ce8b199b49faa5f0a2ee238a6";
        List<CardKeyFile.Row> rows = rows("""
                ICCID,IMSI,KI,OPC
                8988211000000000017,00101000000000A,%s,%s
                8988211000000000025,001010000000002,%s,%s
                8988211000000000033,001010000000003,%s,zz
                12,001010000000004,%s,%s
                8988211000000000041,001010000000005,"%s,%s
                """.formatted(K, OPC, secret, OPC, K, K, OPC, K, OPC), ColumnKeys.NONE, 2);
        assertTrue(rows.get(0).refusal().startsWith("IMSI"), rows.get(0).refusal());
        assertEquals("KI must be 16 octets in hex", rows.get(1).refusal());
        assertEquals("OPC is not hex", rows.get(2).refusal());
        assertEquals("ICCID must be 18 to 20 digits", rows.get(3).refusal());
        assertEquals("a quoted field is not closed on its line", rows.get(4).refusal());
        rows.forEach(r -> assertFalse(r.refusal().contains(secret.substring(0, 8))));
        List<CardKeyFile.Row> wrongKey = rows("IMSI,KI,OPC\n001010000000001,31ba94309293dae69edfd39709d2609a,"
                + "31ba94309293dae6\n", ColumnKeys.parse("OPC:000102030405060708090a0b0c0d0e0f"), 2);
        assertEquals("OPC is not a whole number of AES blocks", wrongKey.get(0).refusal());
        List<CardKeyFile.Row> tooLong = rows("IMSI,KI,OPC\n" + "9".repeat(CardKeyFile.MAX_LINE + 1) + "\n"
                + "001010000000001," + K + "," + OPC + "\n", ColumnKeys.NONE, 2);
        assertEquals("the line is longer than 4096 characters", tooLong.get(0).refusal());
        assertNull(tooLong.get(1).refusal());
    }

    @Test
    void refusesFilesAndKeysItCannotRead() {
        assertThrows(IllegalArgumentException.class, () -> rows("", ColumnKeys.NONE, 2));
        assertEquals("the header has no KI column", assertThrows(IllegalArgumentException.class,
                () -> rows("IMSI,K,OPC\n", ColumnKeys.NONE, 2)).getMessage());
        assertEquals("the header has neither an OPC nor an OP column", assertThrows(IllegalArgumentException.class,
                () -> rows("IMSI,KI\n", ColumnKeys.NONE, 2)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> rows("IMSI,KI,OPC\n", ColumnKeys.NONE, 0)).getMessage().contains("MNC"));
        assertEquals("the key of column KI must be 16, 24 or 32 octets in hex", assertThrows(
                IllegalArgumentException.class, () -> ColumnKeys.parse("KI:0001")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ColumnKeys.parse("000102030405060708090a0b0c0d0e0f"));
        assertEquals(Milenage.BLOCK, ColumnKeys.parse("ki:" + K).octetsOf("KI", K).length);
    }
}
