package org.ucdgba.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.ucdgba.io.HardenedXml;
import org.ucdgba.liberty.MessageXml;
import org.ucdgba.liberty.RegisterNameIdentifierRequest;
import org.ucdgba.liberty.xml.LibertyXml;
import org.w3c.dom.Document;

/**
 * Reading a RegisterNameIdentifierRequest (Liberty ID-FF 1.2): from bytes through the hardened parser, and from a
 * parsed document only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MessageXmlBenchmark {
    byte[] xml;
    Document parsed;

    @Setup
    public void setup() throws Exception {
        Document doc = MessageXml.write(LibertySetup.request());
        xml = HardenedXml.serialize(doc, false).getBytes(StandardCharsets.UTF_8);
        parsed = LibertyXml.parse(xml);
    }

    /** Bytes -> DOM -> record. */
    @Benchmark public RegisterNameIdentifierRequest parse() throws Exception {
        return (RegisterNameIdentifierRequest) MessageXml.read(LibertyXml.parse(xml).getDocumentElement());
    }

    /** DOM -> record only. */
    @Benchmark public RegisterNameIdentifierRequest readOnly() throws Exception {
        return (RegisterNameIdentifierRequest) MessageXml.read(parsed.getDocumentElement());
    }
}
