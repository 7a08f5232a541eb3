package org.ucdgba.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.ucdgba.gba.core.Hex;
import org.ucdgba.gba.core.digest.AkaNonce;
import org.ucdgba.gba.core.digest.DigestAlgorithm;
import org.ucdgba.gba.core.digest.DigestCalculator;
import org.ucdgba.gba.core.digest.DigestHeader;
import org.ucdgba.gba.core.digest.DigestInput;

/**
 * The BSF's check of a Ub answer (HTTP Digest AKAv1-MD5 with qop=auth-int, RFC 3310 and RFC 7616) as UbEndpoint
 * does it, with and without parsing the Authorization header, and the rspauth of the answer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UbDigestBenchmark {
    static final DigestCalculator MD5 = new DigestCalculator(DigestAlgorithm.AKAV1_MD5); // UbEndpoint.java:42
    String realm, method, authorizationHeader;
    byte[] xres, body, bootstrappingInfoXml;
    DigestInput input;
    String presented;

    @Setup
    public void setup() {
        realm = "bsf.operator.example";                 // BsfConfig.domain()
        xres = Hex.decode("a54211d5e3ba50bf");          // UbChallenge.xres(): raw RES is the password
        String nonce = new AkaNonce(Hex.decode("23553cbe9637a89d218ae64dae47bf35"),
                Hex.decode("55f328b43577b9b94a9ffac354dfafb3"), new byte[16]).encode();
        method = "GET";                                 // BsfResource: GET with empty body, or POST with body
        body = new byte[0];
        input = new DigestInput("user@example.org", realm, xres, nonce, "/realms/operator/gba-bsf",
                DigestCalculator.AUTH_INT, "00000001", "0a4f113b");
        presented = MD5.response(input, method, body);  // what a correct client sends as response=
        authorizationHeader = "Digest username=\"user@example.org\", realm=\"" + realm + "\", nonce=\"" + nonce
                + "\", uri=\"/realms/operator/gba-bsf\", qop=auth-int, nc=00000001, cnonce=\"0a4f113b\", "
                + "algorithm=AKAv1-MD5, response=\"" + presented + "\"";
        bootstrappingInfoXml = "<BootstrappingInfo/>".getBytes();
    }

    /** The verification proper. */
    @Benchmark public boolean verify() {
        return realm.equals(input.realm())
                && DigestCalculator.matches(MD5.response(input, method, body), presented);
    }

    /** Header parse + DigestInput build + verify, as UbEndpoint does per answer. */
    @Benchmark public boolean parseAndVerify() {
        DigestHeader a = DigestHeader.parse(authorizationHeader, true);
        DigestInput in = new DigestInput(a.require("username"), a.require("realm"), xres, a.require("nonce"),
                a.require("uri"), a.require("qop"), a.require("nc"), a.require("cnonce"));
        return realm.equals(in.realm()) && DigestCalculator.matches(MD5.response(in, method, body), a.get("response"));
    }

    /** The rspauth of the 200 (UbEndpoint.java:183). */
    @Benchmark public String rspauth() { return MD5.rspauth(input, bootstrappingInfoXml); }
}
