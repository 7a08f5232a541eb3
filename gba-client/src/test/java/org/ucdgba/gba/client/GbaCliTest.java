package org.ucdgba.gba.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GbaCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return new GbaCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args);
    }

    @Test
    void akaPrintsTestSet1OfTs35207() {
        int status = run(Map.of(), "aka", "--k", "465b5ce8b199b49faa5f0a2ee238a6bc",
                "--op", "cdc202d5123e20f62b6d676ac72cb318", "--rand", "23553cbe9637a89d218ae64dae47bf35",
                "--sqn", "ff9bb4d0b607", "--amf", "b9b9");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("OPc      cd63cb71954a9f4e48a5994e37a02baf\n"), printed);
        assertTrue(printed.contains("f1       4a9ffac354dfafb3  (MAC-A)\n"), printed);
        assertTrue(printed.contains("f1*      01cfaf9ec4e871e9  (MAC-S)\n"), printed);
        assertTrue(printed.contains("f2       a54211d5e3ba50bf  (RES)\n"), printed);
        assertTrue(printed.contains("f3       b40ba9a3c58b2a05bbf0d987b21bf8cb  (CK)\n"), printed);
        assertTrue(printed.contains("f4       f769bcd751044604127672711c6d3441  (IK)\n"), printed);
        assertTrue(printed.contains("f5       aa689c648370  (AK)\n"), printed);
        assertTrue(printed.contains("f5*      451e8beca43b  (AK*)\n"), printed);
        assertTrue(printed.contains("AUTN     55f328b43577b9b94a9ffac354dfafb3\n"), printed);
    }

    @Test
    void akaPrintsThePublishedAuts() {
        // libosmocore tests/auth/milenage_test: K = OPc = 000102..0f, RAND = 0, SQN_MS = 31.
        int status = run(Map.of("GBA_K", "000102030405060708090a0b0c0d0e0f",
                        "GBA_OPC", "000102030405060708090a0b0c0d0e0f"),
                "aka", "--rand", "00000000000000000000000000000000", "--sqn", "000000000022", "--amf", "0000",
                "--sqn-ms", "00000000001f");
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("AUTS     8711a0ec9e1637df17f80b384ee4"),
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run(Map.of(), "aka", "--k", "00"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--k must be 16 octets"));
        assertEquals(2, run(Map.of(), "frobnicate"));
        assertEquals(0, run(Map.of(), "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("gba-client login URL"));
    }
}
