package org.ucdgba.gba.client;

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
import org.ucdgba.gba.core.aka.AkaResult;
import org.ucdgba.gba.core.bootstrap.BootstrappingInfo;
import org.ucdgba.gba.core.digest.AkaNonce;
import org.ucdgba.gba.core.digest.DigestException;
import org.ucdgba.gba.core.digest.DigestHeader;
import org.ucdgba.io.RefusedInput;

/**
 * The UE's side of Ub (TS 24.109 clause 4, TS 33.220 clause 4.5.2): HTTP Digest AKA against the BSF, with one
 * resynchronisation round when the ISIM reports a stale SQN, and a check of the BSF's rspauth before the
 * BootstrappingInfo is believed.
 */
public final class UbClient {

    /** User-Agent of the bootstrapping client (TS 24.109 Annex A). */
    public static final String USER_AGENT = "ucdgba Bootstrapping Client Agent; 3gpp-gba";

    private final HttpClient http;
    private final Duration timeout;

    /** A client using the given HTTP client. */
    public UbClient(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** Runs Ub against the BSF URL with this ISIM. */
    public Bootstrap bootstrap(URI bsf, SoftwareIsim isim) throws GbaClientException {
        String realm = bsf.getHost();
        String uri = bsf.getRawPath().isEmpty() ? "/" : bsf.getRawPath();
        Map<String, String> first = new LinkedHashMap<>();
        first.put("username", isim.impi());
        first.put("realm", realm);
        first.put("nonce", "");
        first.put("uri", uri);
        first.put("response", "");
        HttpResponse<byte[]> response = get(bsf, DigestHeader.of(first).format());
        for (int round = 0; round < 2; round++) {
            if (response.statusCode() != 401) {
                throw refused(response);
            }
            DigestHeader challenge = challenge(response);
            AkaNonce nonce;
            try {
                nonce = AkaNonce.decode(challenge.require("nonce"));
            } catch (DigestException e) {
                throw new GbaClientException("the BSF's challenge is unusable: " + e.getMessage(), e);
            }
            AkaResult result = isim.authenticate(nonce.rand(), nonce.autn());
            if (result instanceof AkaResult.MacFailure) {
                throw new GbaClientException("the BSF's AUTN does not verify: it is not this subscriber's home network");
            }
            if (result instanceof AkaResult.SyncFailure sync) {
                // RFC 3310 clause 3.4: auts with an empty password; the BSF answers with a fresh challenge.
                DigestAnswer answer = DigestAnswer.to(challenge, isim.impi(), new byte[0], uri)
                        .with("auts", Base64.getEncoder().encodeToString(sync.auts()));
                response = get(bsf, answer.authorization("GET", new byte[0]));
                continue;
            }
            AkaResult.Success ok = (AkaResult.Success) result;
            DigestAnswer answer = DigestAnswer.to(challenge, isim.impi(), ok.res(), uri);
            response = get(bsf, answer.authorization("GET", new byte[0]));
            if (response.statusCode() != 200) {
                throw refused(response);
            }
            if (!answer.serverAuthenticated(response.headers().firstValue("Authentication-Info").orElse(null),
                    response.body())) {
                throw new GbaClientException("the BSF's rspauth does not verify; BootstrappingInfo not trusted");
            }
            try {
                BootstrappingInfo info = BootstrappingInfo.parse(response.body());
                return new Bootstrap(info.btid(), info.lifetime(), isim.impi(), nonce.rand(), ok.ks());
            } catch (RefusedInput e) {
                throw new GbaClientException("unusable BootstrappingInfo: " + e.getMessage(), e);
            }
        }
        throw new GbaClientException("the BSF did not resynchronise");
    }

    private static DigestHeader challenge(HttpResponse<byte[]> response) throws GbaClientException {
        try {
            return DigestHeader.parse(response.headers().firstValue("WWW-Authenticate").orElse(null), true);
        } catch (DigestException e) {
            throw new GbaClientException("the BSF's challenge is unusable: " + e.getMessage(), e);
        }
    }

    private HttpResponse<byte[]> get(URI bsf, String authorization) throws GbaClientException {
        HttpRequest request = HttpRequest.newBuilder(bsf).timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .header("Authorization", authorization)
                .GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new GbaClientException("BSF unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GbaClientException("interrupted", e);
        }
    }

    private static GbaClientException refused(HttpResponse<byte[]> response) {
        return new GbaClientException("the BSF refused bootstrapping: HTTP " + response.statusCode() + " "
                + new String(response.body(), StandardCharsets.UTF_8));
    }
}
