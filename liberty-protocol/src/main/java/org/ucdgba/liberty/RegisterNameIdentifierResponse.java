package org.ucdgba.liberty;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * lib:RegisterNameIdentifierResponse, a lib:StatusResponseType (Protocols and Schema clause 3.4.2): the answer to
 * a {@link RegisterNameIdentifierRequest}, carrying its RequestID as InResponseTo and a samlp:Status.
 *
 * @param responseId   ResponseID
 * @param inResponseTo the RequestID answered
 * @param issueInstant IssueInstant
 * @param recipient    Recipient (the requester's ProviderID), or null
 * @param providerId   the responder's ProviderID
 * @param status       samlp:Status
 * @param relayState   RelayState copied from the request, or null
 */
public record RegisterNameIdentifierResponse(String responseId, String inResponseTo, Instant issueInstant,
                                             String recipient, String providerId, Status status, String relayState)
        implements LibertyMessage {

    public RegisterNameIdentifierResponse {
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(status, "status");
        issueInstant = Objects.requireNonNull(issueInstant, "issueInstant").truncatedTo(ChronoUnit.SECONDS);
    }

    /** The response to a request, issued at {@code now} by {@code providerId}. */
    public static RegisterNameIdentifierResponse answering(Instant now, RegisterNameIdentifierRequest request,
                                                           String providerId, Status status) {
        return new RegisterNameIdentifierResponse(LibertyMessage.newId(), request.requestId(), now,
                request.providerId(), providerId, status, request.relayState());
    }

    @Override
    public String id() {
        return responseId;
    }
}
