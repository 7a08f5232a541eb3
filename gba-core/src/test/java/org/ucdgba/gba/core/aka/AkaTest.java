package org.ucdgba.gba.core.aka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ucdgba.gba.core.Hex;
import org.ucdgba.gba.core.Milenage;

/** AKA between the home network and the USIM, with test set 1 of TS 35.207 (TS 33.102 clauses 6.3 and Annex C). */
class AkaTest {

    private static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = Hex.decode("cd63cb71954a9f4e48a5994e37a02baf");
    private static final byte[] RAND = Hex.decode("23553cbe9637a89d218ae64dae47bf35");
    private static final byte[] AMF = Hex.decode("b9b9");
    private static final Milenage SIM = Milenage.withOpc(K, OPC);

    @Test
    void autnOfTestSet1() {
        AuthenticationVector av = new AkaNetwork(SIM).vector(RAND, Sqn.fromOctets(Hex.decode("ff9bb4d0b607")), AMF);
        // AUTN = SQN xor AK || AMF || MAC-A with AK = aa689c648370 and MAC-A = 4a9ffac354dfafb3.
        assertEquals("55f328b43577b9b94a9ffac354dfafb3", Hex.encode(av.autn()));
        assertEquals("a54211d5e3ba50bf", Hex.encode(av.xres()));
        assertEquals("b40ba9a3c58b2a05bbf0d987b21bf8cbf769bcd751044604127672711c6d3441", Hex.encode(av.ks()));
    }

    @Test
    void usimAcceptsAFreshVectorAndAgreesOnTheKeys() {
        AuthenticationVector av = new AkaNetwork(SIM).vector(RAND, Sqn.of(100, 3), AMF);
        AkaResult result = new AkaUsim(SIM, SqnWindow.restore(Sqn.of(99, 2))).authenticate(av.rand(), av.autn());
        AkaResult.Success ok = assertInstanceOf(AkaResult.Success.class, result);
        assertArrayEquals(av.xres(), ok.res());
        assertArrayEquals(av.ks(), ok.ks());
    }

    @Test
    void usimRefusesATamperedAutn() {
        AuthenticationVector av = new AkaNetwork(SIM).vector(RAND, Sqn.of(100, 3), AMF);
        byte[] autn = av.autn();
        autn[15] ^= 1;
        assertInstanceOf(AkaResult.MacFailure.class,
                new AkaUsim(SIM, new SqnWindow()).authenticate(av.rand(), autn));
        Milenage otherK = Milenage.withOpc(Hex.decode("0396eb317b6d1c36f19c1c84cd6ffd16"), OPC);
        assertInstanceOf(AkaResult.MacFailure.class,
                new AkaUsim(otherK, new SqnWindow()).authenticate(av.rand(), av.autn()));
    }

    @Test
    void replayedVectorGivesAutsAndTheNetworkResynchronises() {
        AkaNetwork network = new AkaNetwork(SIM);
        AkaUsim usim = new AkaUsim(SIM, new SqnWindow());
        AuthenticationVector first = network.vector(RAND, Sqn.of(40, 1), AMF);
        assertInstanceOf(AkaResult.Success.class, usim.authenticate(first.rand(), first.autn()));

        // The same vector again is a replay: the USIM answers with AUTS.
        AkaResult.SyncFailure sync = assertInstanceOf(AkaResult.SyncFailure.class,
                usim.authenticate(first.rand(), first.autn()));
        Optional<Sqn> sqnMs = network.verifyAuts(first.rand(), sync.auts());
        assertEquals(Optional.of(Sqn.of(40, 1)), sqnMs);

        // The network counts on from SQN_MS and the USIM accepts.
        AuthenticationVector next = network.vector(RAND, sqnMs.orElseThrow().next(), AMF);
        assertInstanceOf(AkaResult.Success.class, usim.authenticate(next.rand(), next.autn()));
    }

    @Test
    void autsOfOsmocomKnownAnswer() {
        // libosmocore tests/auth/milenage_test: K = OPc = 000102..0f, RAND = 0, SQN_MS = 31.
        Milenage sim = Milenage.withOpc(Hex.decode("000102030405060708090a0b0c0d0e0f"),
                Hex.decode("000102030405060708090a0b0c0d0e0f"));
        byte[] rand = new byte[16];
        AuthenticationVector stale = new AkaNetwork(sim).vector(rand, new Sqn(0x22), new byte[2]);
        assertEquals("ec9320c2c2120000c8b7de2a3449f1bd", Hex.encode(stale.autn()));
        AkaResult result = new AkaUsim(sim, SqnWindow.restore(new Sqn(31 + 32 * 4))).authenticate(rand, stale.autn());
        // The window was restored at SEQ 4 above 0x22's SEQ 1, so the vector is stale ...
        assertInstanceOf(AkaResult.SyncFailure.class, result);
        // ... and the published AUTS for SQN_MS = 31 verifies at the network.
        assertEquals(Optional.of(new Sqn(31)), new AkaNetwork(sim).verifyAuts(rand,
                Hex.decode("8711a0ec9e1637df17f80b384ee4")));
    }

    @Test
    void forgedAutsIsRefused() {
        AkaNetwork network = new AkaNetwork(SIM);
        AkaUsim usim = new AkaUsim(SIM, SqnWindow.restore(Sqn.of(500, 0)));
        AuthenticationVector stale = network.vector(RAND, Sqn.of(10, 0), AMF);
        byte[] auts = assertInstanceOf(AkaResult.SyncFailure.class, usim.authenticate(stale.rand(), stale.autn()))
                .auts();
        auts[13] ^= 1;
        assertEquals(Optional.empty(), network.verifyAuts(stale.rand(), auts));
        assertEquals(Optional.empty(), network.verifyAuts(stale.rand(), new byte[5]));
    }

    @Test
    void sqnFreshnessRulesOfAnnexC() {
        SqnWindow w = new SqnWindow();
        w.accept(Sqn.of(10, 5));
        // A smaller SEQ is still fresh in an IND entry that has seen nothing newer (out-of-order use, C.2.1).
        assertTrue(w.isFresh(Sqn.of(9, 6)));
        w.accept(Sqn.of(9, 6));
        // ... but not twice, and not at or below the entry of its own IND.
        assertFalse(w.isFresh(Sqn.of(9, 6)));
        assertFalse(w.isFresh(Sqn.of(10, 5)));
        assertTrue(w.isFresh(Sqn.of(11, 5)));
        // A SEQ more than DELTA beyond the highest accepted is refused (C.2.2).
        assertFalse(w.isFresh(Sqn.of(10 + SqnWindow.DELTA + 1, 7)));
        assertTrue(w.isFresh(Sqn.of(10 + SqnWindow.DELTA, 7)));
        assertEquals(Sqn.of(10, 5), w.highestAccepted());
    }

    @Test
    void sqnEncodingAndNext() {
        Sqn sqn = Sqn.fromOctets(Hex.decode("ff9bb4d0b607"));
        assertEquals("ff9bb4d0b607", Hex.encode(sqn.toOctets()));
        assertEquals(7, sqn.ind());
        Sqn next = Sqn.of(5, 31).next();
        assertEquals(6, next.seq());
        assertEquals(0, next.ind());
    }
}
