package org.ucdgba.federation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.ucdgba.liberty.binding.SoapBinding;
import org.ucdgba.liberty.profile.Partner;
import org.ucdgba.liberty.xml.HardenedXml;

/**
 * Posts a signed SOAP envelope to a partner's SoapEndpoint (ID-FF Bindings and Profiles, SOAP binding) and reads
 * the answer, bounded in time and size; anything but a 2xx answer is an error. Thread-safe.
 */
final class SoapClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).build();

    private SoapClient() {
    }

    /** The partner's answer to the envelope; an {@link IOException} when it cannot be reached or refuses. */
    static byte[] post(Partner partner, String envelope) throws IOException {
        String endpoint = partner.metadata().soapEndpoint();
        if (endpoint == null) {
            throw new IOException(partner.providerId() + " has no SoapEndpoint");
        }
        HttpResponse<InputStream> answer;
        try {
            answer = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint)).timeout(TIMEOUT)
                    .header("Content-Type", SoapBinding.CONTENT_TYPE).header("SOAPAction", "\"\"")
                    .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            throw new IOException(partner.providerId() + " not reachable at " + endpoint + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        try (InputStream in = answer.body()) {
            byte[] body = in.readNBytes(HardenedXml.MAX_BYTES + 1);
            if (answer.statusCode() / 100 != 2) {
                throw new IOException(partner.providerId() + " refused with HTTP " + answer.statusCode());
            }
            if (body.length > HardenedXml.MAX_BYTES) {
                throw new IOException(partner.providerId() + " answered with too large a document");
            }
            return body;
        }
    }
}
