package org.ucdgba.liberty;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * lib:FederationTerminationNotification (Protocols and Schema clause 3.6.1): a provider tells its partner that the
 * federation of a principal, named by its NameIdentifier, has ended. One-way: there is no response message. The
 * schema has no RelayState; in the HTTP-Redirect profile a RelayState may travel as a query parameter.
 *
 * @param requestId      RequestID
 * @param issueInstant   IssueInstant
 * @param providerId     the sender's ProviderID
 * @param nameIdentifier saml:NameIdentifier of the federation
 * @param relayState     RelayState of the redirect, or null (never in XML)
 */
public record FederationTerminationNotification(String requestId, Instant issueInstant, String providerId,
                                                NameIdentifier nameIdentifier, String relayState)
        implements LibertyMessage {

    public FederationTerminationNotification {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(nameIdentifier, "nameIdentifier");
        issueInstant = Objects.requireNonNull(issueInstant, "issueInstant").truncatedTo(ChronoUnit.SECONDS);
    }

    /** A new notification issued at {@code now}. */
    public static FederationTerminationNotification create(Instant now, String providerId,
                                                           NameIdentifier nameIdentifier, String relayState) {
        return new FederationTerminationNotification(LibertyMessage.newId(), now, providerId,
                nameIdentifier, relayState);
    }

    @Override
    public String id() {
        return requestId;
    }
}
