package org.ucdgba.gba.bsf;

import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponseException;

/**
 * The rule that an IMPI or an IMPU belongs to one user of a realm at most (the BSF refuses both users otherwise),
 * and the one refusal that says so: 409 naming the attribute and the value, never a key.
 */
final class SubscriberIdentities {

    /** The error code of the refusal, in JSON bodies. */
    static final String TAKEN = "gba_identity_taken";

    private SubscriberIdentities() {
    }

    /** Whether a user other than {@code userId} (null for a user being created) holds the value. */
    static boolean heldByAnother(KeycloakSession session, RealmModel realm, String userId, String attribute,
                                 String value) {
        return session.users().searchForUserByUserAttributeStream(realm, attribute, value)
                .anyMatch(other -> !other.getId().equals(userId));
    }

    static ErrorResponseException conflict(String attribute, String value) {
        return new ErrorResponseException(TAKEN, attribute + " " + value + " belongs to another user",
                Response.Status.CONFLICT);
    }
}
