package org.ucdgba.federation;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;
import org.ucdgba.liberty.LibertyException;

/**
 * Every way a federation request can fail, in one place: the event error the operator sees (Keycloak's
 * {@link Errors} where one fits), the HTTP status, the message key of the page a person sees, the error code of
 * the JSON answer a program gets (Keycloak's {@link OAuth2ErrorRepresentation}: {@code error},
 * {@code error_description}), and the SOAP fault code a partner gets.
 */
public enum FederationError {
    /** The API call carries no bearer token of the user for this audience, or the page no session. */
    NOT_AUTHENTICATED(Errors.NOT_LOGGED_IN, Response.Status.UNAUTHORIZED, "ucdSignInFirst", "not_authenticated",
            "soap-env:Client"),
    /** A required field is missing or unusable (no such master, no account named, too long). */
    INVALID_REQUEST(Errors.INVALID_REQUEST, Response.Status.BAD_REQUEST, "ucdFederationInvalidRequest",
            "invalid_request", "soap-env:Client"),
    /** The page's form expired, was used already or was issued to another browser session. */
    FORM_EXPIRED(Errors.EXPIRED_CODE, Response.Status.BAD_REQUEST, "ucdFederationFormExpired", "invalid_request",
            "soap-env:Client"),
    /** The federation asked for conflicts with one that exists (the reason says which). */
    ALREADY_FEDERATED("liberty_already_federated", Response.Status.CONFLICT, "ucdFederationConflict",
            "already_federated", "soap-env:Client"),
    /** The user holds no federation with this partner. */
    NOT_FEDERATED("liberty_not_federated", Response.Status.NOT_FOUND, "ucdNotFederated", "not_federated",
            "soap-env:Client"),
    /** The partner's configuration lacks what the profile needs (a URL, a profile), or no answer can be built. */
    PARTNER_NOT_USABLE("liberty_not_configured", Response.Status.BAD_GATEWAY, "ucdPartnerNotUsable",
            "partner_not_usable", "soap-env:Server"),
    /** The partner could not be reached in time, or refused the message: nothing changed here. */
    PARTNER_UNREACHABLE("liberty_partner_unreachable", Response.Status.BAD_GATEWAY, "ucdPartnerUnreachable",
            "partner_unreachable", "soap-env:Server"),
    /** The partner answered with a refusal (samlp:RequestDenied and the like). */
    PARTNER_REFUSED("liberty_partner_refused", Response.Status.FORBIDDEN, "ucdPartnerRefused", "refused",
            "soap-env:Client"),
    /** The account the partner answered for is federated with another account here meanwhile. */
    LINKED_ELSEWHERE("liberty_master_account_linked_elsewhere", Response.Status.CONFLICT, "ucdFederationConflict",
            "already_federated", "soap-env:Client"),
    /** The local account the request was made for no longer exists. */
    USER_GONE(Errors.USER_NOT_FOUND, Response.Status.BAD_REQUEST, "ucdAccountGone", "invalid_request",
            "soap-env:Client"),
    /**
     * A partner's message did not verify or validate; the event error names the reason
     * ({@code liberty_signature_invalid}, {@code liberty_replayed}, ...).
     */
    MESSAGE_REFUSED("liberty_message_refused", Response.Status.BAD_REQUEST, "ucdMessageRefused", "invalid_message",
            "soap-env:Client");

    final String event;
    final Response.Status status;
    final String message;
    final String code;
    final String soapFault;

    FederationError(String event, Response.Status status, String message, String code, String soapFault) {
        this.event = event;
        this.status = status;
        this.message = message;
        this.code = code;
        this.soapFault = soapFault;
    }

    /** The HTTP status. */
    public Response.Status status() {
        return status;
    }

    /** The message key of the page. */
    public String message() {
        return message;
    }

    /** The SOAP 1.1 fault code: soap-env:Client for what the sender sent, soap-env:Server otherwise. */
    public String soapFault() {
        return soapFault;
    }

    /** The event error for a refused message of this reason, else this error's own. */
    public String eventError(LibertyException refusal) {
        return this == MESSAGE_REFUSED && refusal != null
                ? "liberty_" + refusal.reason().name().toLowerCase(Locale.ROOT) : event;
    }

    /** Ends the event as this error, the reason in its details. */
    public void on(EventBuilder e, String reason) {
        if (reason != null) {
            e.detail(Details.REASON, reason);
        }
        e.error(event);
    }

    /** Ends the event as a refused message, the refusal's reason in the event error and its text in the details. */
    public void on(EventBuilder e, LibertyException refusal) {
        e.detail(Details.REASON, refusal.getMessage()).error(eventError(refusal));
    }

    /** The JSON answer for a program. */
    public Response json(String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OAuth2ErrorRepresentation(code, description)).build();
    }
}
