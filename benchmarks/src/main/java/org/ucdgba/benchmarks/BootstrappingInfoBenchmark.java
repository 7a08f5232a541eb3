package org.ucdgba.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.ucdgba.gba.core.Hex;
import org.ucdgba.gba.core.bootstrap.BTid;
import org.ucdgba.gba.core.bootstrap.BootstrappingInfo;
import org.ucdgba.io.HardenedXml;
import org.ucdgba.io.XmlLimits;
import org.w3c.dom.Document;

/**
 * The BSF's BootstrappingInfo (TS 24.109 clause 6.3), written once per Ub success and parsed by the device, and the
 * hardened parse under it: the cost of the XML layer per message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BootstrappingInfoBenchmark {
    BootstrappingInfo info;
    byte[] xml;

    @Setup
    public void setup() {
        BTid btid = BTid.of(Hex.decode("23553cbe9637a89d218ae64dae47bf35"), "bsf.operator.example");
        info = new BootstrappingInfo(btid, Instant.parse("2026-11-23T10:00:00Z"));
        xml = info.toXml().getBytes(StandardCharsets.UTF_8);
    }

    /** As UbEndpoint.java:180. */
    @Benchmark public byte[] write() { return info.toXml().getBytes(StandardCharsets.UTF_8); }

    @Benchmark public BootstrappingInfo parse() { return BootstrappingInfo.parse(xml); }

    @Benchmark public Document hardenedParse() { return HardenedXml.parse(xml, XmlLimits.PROTOCOL); }
}
