package org.ucdgba.federation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.ucdgba.io.BoundedHttp;
import org.ucdgba.io.RefusedInput;
import org.ucdgba.liberty.binding.SoapBinding;
import org.ucdgba.liberty.profile.Partner;
import org.ucdgba.liberty.xml.LibertyXml;

/**
 * Posts a signed SOAP envelope to a partner's SoapEndpoint (ID-FF Bindings and Profiles, SOAP binding) and reads
 * the answer within {@link #DEADLINE}; anything but a 2xx answer is an error.
 */
public final class SoapClient {

    /** The whole exchange with a partner, connection to last byte (also for fetching its metadata). */
    public static final Duration DEADLINE = Duration.ofSeconds(15);

    private SoapClient() {
    }

    /** The partner's answer to the envelope; an {@link IOException} when it cannot be reached or refuses. */
    public static byte[] post(Partner partner, String envelope) throws IOException {
        String endpoint = partner.metadata().soapEndpoint();
        if (endpoint == null) {
            throw new IOException(partner.providerId() + " has no SoapEndpoint");
        }
        HttpResponse<byte[]> answer;
        try {
            answer = BoundedHttp.send(HttpRequest.newBuilder(URI.create(endpoint)).timeout(DEADLINE)
                    .header("Content-Type", SoapBinding.CONTENT_TYPE).header("SOAPAction", "\"\"")
                    .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), DEADLINE,
                    LibertyXml.LIMITS.maxBytes());
        } catch (RefusedInput e) {
            throw new IOException(partner.providerId() + " answered too much (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new IOException(partner.providerId() + " not reachable at " + endpoint + " (" + e.getMessage()
                    + ")", e);
        }
        if (answer.statusCode() / 100 != 2) {
            throw new IOException(partner.providerId() + " refused with HTTP " + answer.statusCode());
        }
        return answer.body();
    }
}
