package org.ucdgba.liberty.profile;

import java.net.URI;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.LibertyException.Reason;
import org.ucdgba.liberty.NameIdentifier;
import org.ucdgba.liberty.RegisterNameIdentifierRequest;
import org.ucdgba.liberty.RegisterNameIdentifierResponse;
import org.ucdgba.liberty.Status;
import org.ucdgba.liberty.metadata.Profile;

/**
 * The Register Name Identifier profiles (Bindings and Profiles clause 3.4; rni-sp-http, rni-sp-soap, rni-idp-http,
 * rni-idp-soap), in the verbs of every profile here: init the request, build the message for a binding, process
 * an incoming message (which validates it), and the same for the response, which must answer the request sent.
 * Stateless; the caller keeps the request it sent between the two halves.
 */
public final class NameRegistration {

    private final Exchange exchange;

    /** The profile over an exchange with partners. */
    public NameRegistration(Exchange exchange) {
        this.exchange = exchange;
    }

    /** A new request to a partner, which must list {@code profile} in its metadata. */
    public RegisterNameIdentifierRequest initRequest(String partnerId, Profile profile, NameIdentifier idpProvided,
                                                     NameIdentifier spProvided, NameIdentifier oldProvided,
                                                     String relayState) throws LibertyException {
        Partner partner = exchange.partner(partnerId);
        if (!partner.metadata().supports(profile) || !profile.name().startsWith("RNI_")) {
            throw new LibertyException(Reason.NOT_CONFIGURED, partnerId + " does not support " + profile.uri());
        }
        return RegisterNameIdentifierRequest.create(exchange.now(), exchange.self().providerId(), idpProvided, spProvided,
                oldProvided, relayState);
    }

    /** The request as a redirect to the partner's RegisterNameIdentifierServiceURL. */
    public URI buildRequestRedirect(String partnerId, RegisterNameIdentifierRequest request) throws LibertyException {
        Partner partner = exchange.partner(partnerId);
        return exchange.redirect(partner, partner.metadata().registerNameIdentifierUrl(), request);
    }

    /** The request as a SOAP envelope, to be posted to the partner's SoapEndpoint. */
    public String buildRequestSoap(String partnerId, RegisterNameIdentifierRequest request) throws LibertyException {
        return exchange.soap(exchange.partner(partnerId), request);
    }

    /** Verifies and validates a request that arrived by HTTP-Redirect. */
    public Exchange.Received<RegisterNameIdentifierRequest> processRequestRedirect(String rawQuery)
            throws LibertyException {
        return exchange.receiveRedirect(rawQuery, RegisterNameIdentifierRequest.class);
    }

    /** Verifies and validates a request that arrived by SOAP. */
    public Exchange.Received<RegisterNameIdentifierRequest> processRequestSoap(byte[] envelope)
            throws LibertyException {
        return exchange.receiveSoap(envelope, RegisterNameIdentifierRequest.class);
    }

    /** The response to a received request. */
    public RegisterNameIdentifierResponse buildResponse(RegisterNameIdentifierRequest request, Status status) {
        return RegisterNameIdentifierResponse.answering(exchange.now(), request, exchange.self().providerId(), status);
    }

    /** The response as a redirect to the requester's RegisterNameIdentifierServiceReturnURL. */
    public URI buildResponseRedirect(RegisterNameIdentifierResponse response) throws LibertyException {
        Partner partner = exchange.partner(response.recipient());
        return exchange.redirect(partner, partner.metadata().registerNameIdentifierReturnUrl(), response);
    }

    /** The response as a SOAP envelope, the body of the HTTP response to the requester's POST. */
    public String buildResponseSoap(RegisterNameIdentifierResponse response) throws LibertyException {
        return exchange.soap(exchange.partner(response.recipient()), response);
    }

    /**
     * Verifies a response that arrived by HTTP-Redirect and checks that it answers the request {@code sentId}
     * that was sent to {@code sentTo}.
     */
    public RegisterNameIdentifierResponse processResponseRedirect(String rawQuery, String sentId, String sentTo)
            throws LibertyException {
        return answers(exchange.receiveRedirect(rawQuery, RegisterNameIdentifierResponse.class), sentId, sentTo);
    }

    /** Verifies a response that arrived by SOAP and checks that it answers the request {@code sentId}. */
    public RegisterNameIdentifierResponse processResponseSoap(byte[] envelope, String sentId, String sentTo)
            throws LibertyException {
        return answers(exchange.receiveSoap(envelope, RegisterNameIdentifierResponse.class), sentId, sentTo);
    }

    private static RegisterNameIdentifierResponse answers(Exchange.Received<RegisterNameIdentifierResponse> received,
                                                          String sentId, String sentTo) throws LibertyException {
        RegisterNameIdentifierResponse response = received.message();
        if (!sentId.equals(response.inResponseTo()) || !received.partner().providerId().equals(sentTo)) {
            throw new LibertyException(Reason.IN_RESPONSE_TO_MISMATCH, "the response does not answer request "
                    + sentId + " sent to " + sentTo);
        }
        return response;
    }
}
