package org.ucdgba.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.ucdgba.gba.core.Hex;
import org.ucdgba.gba.core.kdf.GbaKdf;
import org.ucdgba.gba.core.kdf.NafId;
import org.ucdgba.gba.core.kdf.UaSecurityProtocolId;

/**
 * Ks_(ext)_NAF = KDF(Ks, "gba-me", RAND, IMPI, NAF_Id) (TS 33.220 Annex B), once per Zn answer. Inputs as in
 * GbaKdfTest.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KdfBenchmark {
    byte[] ks, rand;
    String impi;
    NafId nafId;

    @Setup
    public void setup() {
        ks = Hex.decode("b40ba9a3c58b2a05bbf0d987b21bf8cb" + "f769bcd751044604127672711c6d3441"); // = GbaKdf.ks(ck, ik)
        rand = Hex.decode("23553cbe9637a89d218ae64dae47bf35");
        impi = "user@example.org";
        nafId = new NafId("naf.example.org", UaSecurityProtocolId.HTTP_DIGEST);
    }

    /** As ZnEndpoint.java:108 does it. */
    @Benchmark public byte[] ksExtNaf() { return GbaKdf.ksExtNaf(ks, rand, impi, nafId); }
}
