package org.ucdgba.gba.core.zn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import org.ucdgba.io.BoundedHttp;
import org.ucdgba.io.RefusedInput;

/**
 * The Zn Web Services client (TS 29.109 clause 5.3) over the bundle's {@link BoundedHttp}: one POST per request,
 * the whole exchange (answer body included) bounded by the timeout, the NAF authenticated to the BSF with HTTP
 * Basic credentials. Immutable and thread-safe.
 */
public final class ZnSoapClient implements ZnClient {

    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final URI endpoint;
    private final String authorization;
    private final Duration timeout;

    /**
     * A client for one BSF endpoint.
     *
     * @param endpoint     the BSF's Zn URL, http or https
     * @param nafClientId  the NAF's identity at the BSF
     * @param nafSecret    the NAF's secret at the BSF
     * @param timeout      the bound on the whole exchange, connection included
     * @throws IllegalArgumentException when the endpoint is not an absolute http(s) URL
     */
    public ZnSoapClient(URI endpoint, String nafClientId, String nafSecret, Duration timeout) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        if (!("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))
                || endpoint.getHost() == null) {
            throw new IllegalArgumentException("Zn endpoint must be an absolute http(s) URL");
        }
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (nafClientId + ":" + nafSecret).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
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
            response = BoundedHttp.send(post, timeout, MAX_ANSWER_BYTES);
        } catch (HttpTimeoutException e) {
            throw new ZnException(ZnException.Reason.UNAVAILABLE, "BSF did not answer within " + timeout, e);
        } catch (IOException e) {
            throw new ZnException(ZnException.Reason.UNAVAILABLE, "BSF unreachable: " + e, e);
        } catch (RefusedInput e) {
            throw new ZnException(ZnException.Reason.PROTOCOL, "Zn answer larger than " + MAX_ANSWER_BYTES + " octets");
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new ZnException(ZnException.Reason.NAF_NOT_AUTHORIZED,
                    "BSF refused the NAF's credentials (HTTP " + response.statusCode() + ")");
        }
        if (response.statusCode() == 429) {
            throw new ZnException(ZnException.Reason.NAF_NOT_AUTHORIZED, "BSF throttled this NAF after failed "
                    + "authentications (HTTP 429); retry after " + response.headers().firstValue("Retry-After")
                    .orElse("a while") + " s");
        }
        if (response.statusCode() != 200 && response.statusCode() != 500) {
            throw new ZnException(ZnException.Reason.PROTOCOL, "BSF answered HTTP " + response.statusCode());
        }
        return ZnSoap.readAnswer(response.body());
    }
}
