package org.ucdgba.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.ucdgba.liberty.Liberty;
import org.ucdgba.liberty.LibertyMessage;
import org.ucdgba.liberty.RegisterNameIdentifierRequest;
import org.ucdgba.liberty.XmlSignatures;
import org.ucdgba.liberty.binding.SoapBinding;
import org.ucdgba.liberty.crypto.ProviderKeys;
import org.ucdgba.liberty.crypto.SignatureAlgorithm;
import org.ucdgba.liberty.crypto.SignaturePolicy;
import org.ucdgba.liberty.profile.NameRegistration;
import org.ucdgba.liberty.xml.LibertyXml;
import org.w3c.dom.Element;

/**
 * The SOAP binding: an enveloped XML signature on a RegisterNameIdentifierRequest, encoded, decoded, verified only,
 * and through the profile.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SoapBenchmark {
    ProviderKeys slaveKeys;
    SignaturePolicy policy;
    RegisterNameIdentifierRequest request;
    byte[] envelope;
    Element signedMessage;
    NameRegistration atMaster;

    @Setup
    public void setup() throws Exception {
        slaveKeys = LibertySetup.keys("slave");
        ProviderKeys masterKeys = LibertySetup.keys("master");
        policy = SignaturePolicy.modern();
        request = LibertySetup.request();
        envelope = SoapBinding.encode(request, slaveKeys, SignatureAlgorithm.RSA_SHA256)   // = golden rni-request.soap.xml
                .getBytes(StandardCharsets.UTF_8);
        signedMessage = (Element) LibertyXml.parse(envelope)
                .getElementsByTagNameNS(Liberty.LIB, "RegisterNameIdentifierRequest").item(0);
        atMaster = new NameRegistration(LibertySetup.exchange(LibertySetup.MASTER, masterKeys,
                LibertySetup.slaveMetadata(slaveKeys.certificate())));
    }

    /** Parse + XML-DSig verify + read. */
    @Benchmark public LibertyMessage decode() throws Exception {
        return SoapBinding.decode(envelope, slaveKeys.certificate(), policy);
    }

    /** XML-DSig verification alone, on a DOM parsed once. */
    @Benchmark public SignatureAlgorithm verifyOnly() throws Exception {
        return XmlSignatures.verify(signedMessage, slaveKeys.certificate(), policy);
    }

    /** Profile level: partner by ProviderID, verify, then skew/replay checks (Exchange.receiveSoap). */
    @Benchmark public RegisterNameIdentifierRequest profileVerify() throws Exception {
        return atMaster.processRequestSoap(envelope).message();
    }

    /** Building one (MessageXml.write + XmlSignatures.sign + envelope + serialize). */
    @Benchmark public String encode() throws Exception {
        return SoapBinding.encode(request, slaveKeys, SignatureAlgorithm.RSA_SHA256);
    }
}
