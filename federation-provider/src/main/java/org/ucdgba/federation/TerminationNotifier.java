package org.ucdgba.federation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.ucdgba.liberty.FederationTerminationNotification;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.NameIdentifier;
import org.ucdgba.liberty.binding.SoapBinding;
import org.ucdgba.liberty.metadata.Profile;
import org.ucdgba.liberty.profile.Exchange;
import org.ucdgba.liberty.profile.FederationTermination;

/**
 * Sends a FederationTerminationNotification by SOAP to a partner's SoapEndpoint (fedterm-sp-soap from a slave,
 * fedterm-idp-soap from a master) and requires a 2xx answer. Thread-safe.
 */
final class TerminationNotifier {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private TerminationNotifier() {
    }

    /** Notifies the partner; throws when it cannot be reached in time or refuses. */
    static void notify(Exchange exchange, String partnerId, Profile profile, NameIdentifier name)
            throws LibertyException, IOException {
        FederationTermination fedterm = new FederationTermination(exchange);
        FederationTerminationNotification notification = fedterm.initNotification(partnerId, profile, name, null);
        String endpoint = exchange.partner(partnerId).metadata().soapEndpoint();
        if (endpoint == null) {
            throw new LibertyException(LibertyException.Reason.NOT_CONFIGURED, partnerId + " has no SoapEndpoint");
        }
        HttpResponse<Void> answer;
        try {
            answer = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", SoapBinding.CONTENT_TYPE).header("SOAPAction", "\"\"")
                    .POST(HttpRequest.BodyPublishers.ofString(fedterm.buildSoap(partnerId, notification))).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            throw new IOException(partnerId + " not reachable at " + endpoint + " (" + e.getClass().getSimpleName()
                    + ")", e);
        }
        if (answer.statusCode() / 100 != 2) {
            throw new IOException(partnerId + " refused the termination with HTTP " + answer.statusCode());
        }
    }
}
