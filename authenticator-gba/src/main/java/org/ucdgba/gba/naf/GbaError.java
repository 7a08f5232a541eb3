package org.ucdgba.gba.naf;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Errors;

/**
 * Every way a GBA login can fail, in one place: the event error the operator sees, the flow error, the HTTP status
 * the device sees, the message key of the page the subscriber sees, and whether a fresh challenge goes with it.
 */
enum GbaError {
    /** The Authorization header is not a usable Digest response. */
    MALFORMED("gba_malformed_authorization", AuthenticationFlowError.INVALID_CREDENTIALS,
            Response.Status.BAD_REQUEST, "gbaFailed", false),
    /** The nonce is unknown, expired, already used or belongs to another authentication session. */
    INVALID_NONCE("gba_invalid_nonce", AuthenticationFlowError.EXPIRED_CODE,
            Response.Status.UNAUTHORIZED, "gbaExpired", true),
    /** The BSF does not know the B-TID or its key expired: the device must bootstrap again (TS 24.109 5.2.5). */
    UNKNOWN_BTID("gba_unknown_btid", AuthenticationFlowError.INVALID_CREDENTIALS,
            Response.Status.UNAUTHORIZED, "gbaBootstrapAgain", true),
    /** The Digest response does not verify with Ks_NAF. */
    INVALID_RESPONSE(Errors.INVALID_USER_CREDENTIALS, AuthenticationFlowError.INVALID_CREDENTIALS,
            Response.Status.FORBIDDEN, "gbaFailed", false),
    /** The BSF could not be reached in time, or refused this NAF. */
    BSF_UNAVAILABLE("gba_bsf_unavailable", AuthenticationFlowError.INTERNAL_ERROR,
            Response.Status.SERVICE_UNAVAILABLE, "gbaUnavailable", false),
    /** The BSF refused this NAF or answered with something else than Zn: a configuration fault to fix. */
    ZN_REFUSED("gba_zn_refused", AuthenticationFlowError.INTERNAL_ERROR,
            Response.Status.SERVICE_UNAVAILABLE, "gbaUnavailable", false),
    /** No realm user is linked to the subscriber, and creation on first login is off. */
    NOT_LINKED(Errors.USER_NOT_FOUND, AuthenticationFlowError.UNKNOWN_USER,
            Response.Status.FORBIDDEN, "gbaNotLinked", false),
    /** The linked realm user is locked by Keycloak's brute-force detector; the reason says how. */
    USER_LOCKED(Errors.USER_TEMPORARILY_DISABLED, AuthenticationFlowError.USER_TEMPORARILY_DISABLED,
            Response.Status.FORBIDDEN, "gbaFailed", false),
    /** The linked realm user is disabled. */
    USER_DISABLED(Errors.USER_DISABLED, AuthenticationFlowError.USER_DISABLED,
            Response.Status.FORBIDDEN, "gbaFailed", false),
    /** The authenticator's settings are missing or unusable (see the server log). */
    NOT_CONFIGURED("gba_not_configured", AuthenticationFlowError.INTERNAL_ERROR,
            Response.Status.SERVICE_UNAVAILABLE, "gbaUnavailable", false);

    final String event;
    final AuthenticationFlowError flowError;
    final Response.Status status;
    final String message;
    final boolean rechallenge;

    GbaError(String event, AuthenticationFlowError flowError, Response.Status status, String message,
             boolean rechallenge) {
        this.event = event;
        this.flowError = flowError;
        this.status = status;
        this.message = message;
        this.rechallenge = rechallenge;
    }
}
