package org.ucdgba.federation;

import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * The user of a call to this bundle's REST APIs: a valid bearer access token of the realm whose audience includes
 * {@value #AUDIENCE}. Operators give that audience to the UCD clients only (an audience mapper in a client scope
 * of theirs), so a token the user's browser obtained for some other site cannot start or end federations.
 */
public final class UserTokens {

    /** The audience the APIs require. */
    static final String AUDIENCE = "ucd-federation";

    private UserTokens() {
    }

    /** The token's user, or empty when the request carries no valid token for this audience. */
    public static Optional<UserModel> user(KeycloakSession session) {
        AuthenticationManager.AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session)
                .setAudience(AUDIENCE).authenticate();
        return auth == null ? Optional.empty() : Optional.of(auth.getUser());
    }
}
