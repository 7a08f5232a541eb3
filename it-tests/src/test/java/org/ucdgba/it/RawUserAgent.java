package org.ucdgba.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ucdgba.gba.client.BrowserCookies;
import org.ucdgba.gba.core.digest.DigestAlgorithm;
import org.ucdgba.gba.core.digest.DigestCalculator;
import org.ucdgba.gba.core.digest.DigestHeader;
import org.ucdgba.gba.core.digest.DigestInput;

/**
 * A user agent under the test's full control, for the refusals: its own cookie jar, any User-Agent, any
 * Authorization header, no redirect following; and the Ua Digest answer built by hand so a test can tamper with it.
 */
final class RawUserAgent {

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new BrowserCookies())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final String userAgent;

    RawUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    HttpResponse<String> get(URI uri, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("User-Agent", userAgent).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(URI uri, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("User-Agent", userAgent)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The Ua answer of TS 24.109 clause 5.2.2 with qop auth: username B-TID, password base64(Ks_NAF). */
    static String answer(HttpResponse<String> challengeResponse, URI uri, String btid, byte[] ksNaf) {
        DigestHeader challenge = DigestHeader.parse(
                challengeResponse.headers().firstValue("WWW-Authenticate").orElseThrow(), true);
        String requestUri = uri.getRawPath() + "?" + uri.getRawQuery();
        DigestInput input = new DigestInput(btid, challenge.require("realm"),
                Base64.getEncoder().encodeToString(ksNaf).getBytes(StandardCharsets.US_ASCII),
                challenge.require("nonce"), requestUri, "auth", "00000001", "0a4f113b");
        Map<String, String> d = new LinkedHashMap<>();
        d.put("username", btid);
        d.put("realm", input.realm());
        d.put("nonce", input.nonce());
        d.put("uri", requestUri);
        d.put("qop", "auth");
        d.put("nc", "00000001");
        d.put("cnonce", "0a4f113b");
        d.put("response", new DigestCalculator(DigestAlgorithm.MD5).response(input, "GET", null));
        d.put("algorithm", "MD5");
        return DigestHeader.of(d).format();
    }
}
