package org.ucdgba.gba.core.zn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * The Zn Web Services client (TS 29.109 clause 5.3) over the JDK's HTTP client: one POST per request, bounded by a
 * timeout, the NAF authenticated to the BSF with HTTP Basic credentials. Immutable and thread-safe.
 */
public final class ZnSoapClient implements ZnClient {

    private final URI endpoint;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * A client for one BSF endpoint.
     *
     * @param endpoint     the BSF's Zn URL
     * @param nafClientId  the NAF's identity at the BSF
     * @param nafSecret    the NAF's secret at the BSF
     * @param timeout      the bound on connecting and on the whole exchange
     */
    public ZnSoapClient(URI endpoint, String nafClientId, String nafSecret, Duration timeout) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (nafClientId + ":" + nafSecret).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public ZnAnswer requestBootstrappingInfo(ZnRequest request) throws ZnException {
        HttpRequest post = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", ZnSoap.CONTENT_TYPE)
                .header("SOAPAction", "\"" + ZnSoap.SOAP_ACTION + "\"")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(ZnSoap.writeRequest(request), StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new ZnException(ZnException.Reason.UNAVAILABLE, "BSF did not answer within " + timeout, e);
        } catch (IOException e) {
            throw new ZnException(ZnException.Reason.UNAVAILABLE, "BSF unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZnException(ZnException.Reason.UNAVAILABLE, "interrupted", e);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new ZnException(ZnException.Reason.NAF_NOT_AUTHORIZED,
                    "BSF refused the NAF's credentials (HTTP " + response.statusCode() + ")");
        }
        if (response.statusCode() != 200 && response.statusCode() != 500) {
            throw new ZnException(ZnException.Reason.PROTOCOL, "BSF answered HTTP " + response.statusCode());
        }
        return ZnSoap.readAnswer(response.body());
    }
}
