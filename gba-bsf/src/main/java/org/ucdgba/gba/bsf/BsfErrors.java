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
    static final String INVALID_RESPONSE = "gba_invalid_response";
    static final String INVALID_AUTS = "gba_invalid_auts";
    static final String UNKNOWN_BTID = "gba_unknown_btid";
    static final String NAF_NOT_AUTHORIZED = "gba_naf_not_authorized";

    private BsfErrors() {
    }

    static Response json(Response.Status status, String error, String description) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", error, "error_description", description))
                .build();
    }
}
