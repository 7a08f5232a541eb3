package org.ucdgba.gba.bsf;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The error codes the BSF puts in events and JSON error bodies, in one place. Bodies never carry key material or
 * say more than the device needs to act.
 */
final class BsfErrors {

    static final String MALFORMED_REQUEST = "gba_malformed_request";
    static final String UNKNOWN_SUBSCRIBER = "gba_unknown_subscriber";
    /** Two users hold the IMPI: neither is served until the operator fixes it. */
    static final String DUPLICATE_IMPI = "gba_duplicate_impi";
    /** The subscriber's user has no {@code gba-aka} credential. */
    static final String NO_CREDENTIAL = "gba_no_aka_credential";
    /** The operator has suspended the subscriber's SIM (the SIM subscription tab). */
    static final String SUSPENDED = "gba_sim_suspended";
    /** The subscriber's user has more than one {@code gba-aka} credential. */
    static final String DUPLICATE_CREDENTIAL = "gba_duplicate_aka_credential";
    /** The subscriber's {@code gba-aka} credential cannot be read (K, OPc, AMF or SQN unusable). */
    static final String UNUSABLE_CREDENTIAL = "gba_unusable_aka_credential";
    /** Too many Ub challenges or wrong answers for this IMPI in the throttle window. */
    static final String UB_THROTTLED = "gba_ub_throttled";
    /** Too many failed Zn client authentications for this client id and address in the throttle window. */
    static final String ZN_THROTTLED = "gba_zn_throttled";
    /** The database cannot be reached: the device may retry. */
    static final String UNAVAILABLE = "gba_unavailable";
    /** The {@code Retry-After} of {@link #UNAVAILABLE}. */
    static final long UNAVAILABLE_RETRY_SECONDS = 5;
    /** The subscriber's SQN row stayed locked by concurrent requests: the device may retry. */
    static final String BUSY = "gba_busy";
    static final String INVALID_RESPONSE = "gba_invalid_response";
    static final String INVALID_AUTS = "gba_invalid_auts";
    static final String UNKNOWN_BTID = "gba_unknown_btid";
    static final String NAF_NOT_AUTHORIZED = "gba_naf_not_authorized";
    /** A card-key file, or a setting of its import, that cannot be used at all. */
    static final String INVALID_CARD_FILE = "gba_invalid_card_file";

    private BsfErrors() {
    }

    /** 503 with {@code Retry-After}: the database is out of reach or busy; the caller may try again. */
    static Response unavailable(String error, long retryAfterSeconds) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", Long.toString(retryAfterSeconds))
                .entity(Map.of("error", error, "error_description", "try again shortly"))
                .build();
    }

    /** 429 with {@code Retry-After}: the caller's budget for this window is spent. */
    static Response throttled(String error, long retryAfterSeconds) {
        return Response.status(429).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", Long.toString(retryAfterSeconds))
                .entity(Map.of("error", error, "error_description", "too many attempts; retry later"))
                .build();
    }

    static Response json(Response.Status status, String error, String description) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", error, "error_description", description))
                .build();
    }
}
