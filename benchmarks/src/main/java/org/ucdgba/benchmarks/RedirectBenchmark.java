package org.ucdgba.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.ucdgba.liberty.LibertyMessage;
import org.ucdgba.liberty.RegisterNameIdentifierRequest;
import org.ucdgba.liberty.binding.RedirectBinding;
import org.ucdgba.liberty.crypto.ProviderKeys;
import org.ucdgba.liberty.crypto.SignatureAlgorithm;
import org.ucdgba.liberty.crypto.SignaturePolicy;
import org.ucdgba.liberty.profile.Exchange;
import org.ucdgba.liberty.profile.NameRegistration;

/**
 * The HTTP-Redirect binding (ID-FF 1.2 bindings, query signing): signing a RegisterNameIdentifierRequest and
 * verifying it, bare and through the profile (partner, skew, replay).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RedirectBenchmark {
    ProviderKeys slaveKeys, masterKeys;
    RegisterNameIdentifierRequest request;
    NameRegistration atSlave, atMaster;
    String signedQuery;
    SignaturePolicy policy;

    @Setup
    public void setup() throws Exception {
        slaveKeys = LibertySetup.keys("slave");
        masterKeys = LibertySetup.keys("master");
        Exchange slave = LibertySetup.exchange(LibertySetup.SLAVE, slaveKeys,
                LibertySetup.masterMetadata(masterKeys.certificate()));
        Exchange master = LibertySetup.exchange(LibertySetup.MASTER, masterKeys,
                LibertySetup.slaveMetadata(slaveKeys.certificate()));
        atSlave = new NameRegistration(slave);
        atMaster = new NameRegistration(master);
        request = LibertySetup.request();
        policy = SignaturePolicy.modern();
        signedQuery = RedirectBinding.encode(request, slaveKeys, SignatureAlgorithm.RSA_SHA256); // = golden rni-request.query
    }

    // --- binding level (static, no partner lookup / replay / clock checks)
    @Benchmark public String sign() throws Exception {
        return RedirectBinding.encode(request, slaveKeys, SignatureAlgorithm.RSA_SHA256);
    }

    @Benchmark public LibertyMessage verify() throws Exception {
        return RedirectBinding.decode(signedQuery, slaveKeys.certificate(), policy);
    }

    // --- profile level, as the providers call it
    @Benchmark public java.net.URI profileSign() throws Exception {
        return atSlave.buildRequestRedirect(LibertySetup.MASTER, request);
    }

    @Benchmark public RegisterNameIdentifierRequest profileVerify() throws Exception {
        return atMaster.processRequestRedirect(signedQuery).message();
    }
}
