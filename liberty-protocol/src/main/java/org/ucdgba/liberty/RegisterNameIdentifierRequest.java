package org.ucdgba.liberty;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * lib:RegisterNameIdentifierRequest (Protocols and Schema clause 3.4.1): a provider tells its partner the name
 * identifier it will use for a principal from now on. In the UCD seed, the Slave sends it to the Master with its
 * own (SP-provided) identifier and the master account as the IdP-provided one.
 *
 * @param requestId      RequestID
 * @param issueInstant   IssueInstant
 * @param providerId     the sender's ProviderID
 * @param idpProvided    IDPProvidedNameIdentifier
 * @param spProvided     SPProvidedNameIdentifier, or null
 * @param oldProvided    OldProvidedNameIdentifier
 * @param relayState     RelayState, or null
 */
public record RegisterNameIdentifierRequest(String requestId, Instant issueInstant, String providerId,
                                            NameIdentifier idpProvided, NameIdentifier spProvided,
                                            NameIdentifier oldProvided, String relayState)
        implements LibertyMessage {

    public RegisterNameIdentifierRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(idpProvided, "idpProvided");
        Objects.requireNonNull(oldProvided, "oldProvided");
        issueInstant = Objects.requireNonNull(issueInstant, "issueInstant").truncatedTo(ChronoUnit.SECONDS);
    }

    /** A new request issued at {@code now} with a fresh RequestID. */
    public static RegisterNameIdentifierRequest create(Instant now, String providerId, NameIdentifier idpProvided,
                                                       NameIdentifier spProvided, NameIdentifier oldProvided,
                                                       String relayState) {
        return new RegisterNameIdentifierRequest(LibertyMessage.newId(), now, providerId, idpProvided,
                spProvided, oldProvided, relayState);
    }

    @Override
    public String id() {
        return requestId;
    }
}
