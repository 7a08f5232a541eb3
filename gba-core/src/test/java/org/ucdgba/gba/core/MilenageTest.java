package org.ucdgba.gba.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.api.Test;

/** The six conformance test sets of 3GPP TS 35.207 clause 4 (= the first six of TS 35.208), every output. */
class MilenageTest {

    @ParameterizedTest(name = "TS 35.207 test set {0}")
    @CsvFileSource(resources = "/ts35207-test-sets.csv", numLinesToSkip = 1)
    void testSet(int set, String k, String rand, String sqn, String amf, String op, String opc,
                 String f1, String f1Star, String f2, String f3, String f4, String f5, String f5Star) {
        assertEquals(opc, Hex.encode(Milenage.computeOpc(Hex.decode(k), Hex.decode(op))), "OPc");

        Milenage m = Milenage.withOp(Hex.decode(k), Hex.decode(op));
        Milenage.MacPair macs = m.f1(Hex.decode(rand), Hex.decode(sqn), Hex.decode(amf));
        assertEquals(f1, Hex.encode(macs.macA()), "f1");
        assertEquals(f1Star, Hex.encode(macs.macS()), "f1*");

        Milenage.KeyOutputs out = Milenage.withOpc(Hex.decode(k), Hex.decode(opc)).f2345(Hex.decode(rand));
        assertEquals(f2, Hex.encode(out.res()), "f2");
        assertEquals(f3, Hex.encode(out.ck()), "f3");
        assertEquals(f4, Hex.encode(out.ik()), "f4");
        assertEquals(f5, Hex.encode(out.ak()), "f5");
        assertEquals(f5Star, Hex.encode(out.akStar()), "f5*");
    }

    @Test
    void refusesKeysOfTheWrongLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Milenage.withOpc(new byte[15], new byte[16]));
        assertEquals("K must be 16 octets, got 15", e.getMessage());
    }
}
