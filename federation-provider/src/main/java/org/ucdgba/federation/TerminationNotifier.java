package org.ucdgba.federation;

import java.io.IOException;
import org.ucdgba.liberty.FederationTerminationNotification;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.NameIdentifier;
import org.ucdgba.liberty.metadata.Profile;
import org.ucdgba.liberty.profile.Exchange;
import org.ucdgba.liberty.profile.FederationTermination;

/**
 * Sends a FederationTerminationNotification by SOAP to a partner's SoapEndpoint (fedterm-sp-soap from a slave,
 * fedterm-idp-soap from a master) and requires a 2xx answer.
 */
public final class TerminationNotifier {

    private TerminationNotifier() {
    }

    /** Notifies the partner; throws when it cannot be reached in time or refuses. */
    public static void notify(Exchange exchange, String partnerId, Profile profile, NameIdentifier name)
            throws LibertyException, IOException {
        FederationTermination fedterm = new FederationTermination(exchange);
        FederationTerminationNotification notification = fedterm.initNotification(partnerId, profile, name, null);
        SoapClient.post(exchange.partner(partnerId), fedterm.buildSoap(partnerId, notification));
    }
}
