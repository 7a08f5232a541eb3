package org.ucdgba.liberty.profile;

import java.net.URI;
import org.ucdgba.liberty.FederationTerminationNotification;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.LibertyException.Reason;
import org.ucdgba.liberty.NameIdentifier;
import org.ucdgba.liberty.binding.QueryString;
import org.ucdgba.liberty.metadata.Profile;

/**
 * The Federation Termination Notification profiles (Bindings and Profiles clause 3.5; fedterm-sp-http,
 * fedterm-sp-soap, fedterm-idp-http, fedterm-idp-soap): one-way, so init, build and process only. After an
 * HTTP-Redirect notification the receiver sends the user agent to the notifier's
 * FederationTerminationServiceReturnURL. Stateless.
 */
public final class FederationTermination {

    private final Exchange exchange;

    /** The profile over an exchange with partners. */
    public FederationTermination(Exchange exchange) {
        this.exchange = exchange;
    }

    /** A new notification to a partner, which must list {@code profile} in its metadata. */
    public FederationTerminationNotification initNotification(String partnerId, Profile profile,
                                                              NameIdentifier nameIdentifier, String relayState)
            throws LibertyException {
        Partner partner = exchange.partner(partnerId);
        if (!partner.metadata().supports(profile) || !profile.name().startsWith("FEDTERM_")) {
            throw new LibertyException(Reason.NOT_CONFIGURED, partnerId + " does not support " + profile.uri());
        }
        return FederationTerminationNotification.create(exchange.now(), exchange.self().providerId(), nameIdentifier,
                relayState);
    }

    /** The notification as a redirect to the partner's FederationTerminationServiceURL. */
    public URI buildRedirect(String partnerId, FederationTerminationNotification notification)
            throws LibertyException {
        Partner partner = exchange.partner(partnerId);
        return exchange.redirect(partner, partner.metadata().federationTerminationUrl(), notification);
    }

    /** The notification as a SOAP envelope, to be posted to the partner's SoapEndpoint. */
    public String buildSoap(String partnerId, FederationTerminationNotification notification)
            throws LibertyException {
        return exchange.soap(exchange.partner(partnerId), notification);
    }

    /** Verifies and validates a notification that arrived by HTTP-Redirect. */
    public Exchange.Received<FederationTerminationNotification> processRedirect(String rawQuery)
            throws LibertyException {
        return exchange.receiveRedirect(rawQuery, FederationTerminationNotification.class);
    }

    /** Verifies and validates a notification that arrived by SOAP. */
    public Exchange.Received<FederationTerminationNotification> processSoap(byte[] envelope)
            throws LibertyException {
        return exchange.receiveSoap(envelope, FederationTerminationNotification.class);
    }

    /** Where the user agent goes after a notification by HTTP-Redirect: the notifier's return URL. */
    public URI returnUrl(Exchange.Received<FederationTerminationNotification> received) throws LibertyException {
        String url = received.partner().metadata().federationTerminationReturnUrl();
        if (url == null) {
            throw new LibertyException(Reason.NOT_CONFIGURED, "the metadata of " + received.partner().providerId()
                    + " has no FederationTerminationServiceReturnURL");
        }
        String relay = received.message().relayState();
        return URI.create(relay == null ? url
                : url + (url.contains("?") ? "&" : "?") + "RelayState=" + QueryString.encode(relay));
    }
}
