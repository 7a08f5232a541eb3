package org.ucdgba.federation;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.ucdgba.gba.core.StoreKey;
import org.ucdgba.liberty.LibertyMessage;

/**
 * The person behind a federation page, on either side: signed in with the realm's session cookie, and each form
 * of the page carrying a single-use token issued to that browser session (so that another site cannot post it),
 * good for {@value #FORM_SECONDS} seconds. A person who is not signed in is offered the sign-in first.
 */
public final class PersonForms {

    /** How long a form of a page may be used. */
    static final long FORM_SECONDS = 1800;

    private final KeycloakSession session;
    private final RealmModel realm;

    /** The forms of this realm's pages. */
    public PersonForms(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The person signed in here, from the session cookie. */
    public Optional<AuthenticationManager.AuthResult> signedIn() {
        return Optional.ofNullable(AuthenticationManager.authenticateIdentityCookie(session, realm, true));
    }

    /** A new form token for the person's browser session. */
    public String issue(AuthenticationManager.AuthResult auth) {
        String token = LibertyMessage.newId();
        session.singleUseObjects().put(key(token), FORM_SECONDS, Map.of("userSession", auth.getSession().getId()));
        return token;
    }

    /** The person signed in here to whose browser session the form's token was issued; the token is spent. */
    public Optional<UserModel> person(MultivaluedMap<String, String> form) {
        Optional<AuthenticationManager.AuthResult> auth = signedIn();
        String token = form.getFirst("formToken");
        Map<String, String> issued = token == null ? null : session.singleUseObjects().remove(key(token));
        return auth.isEmpty() || issued == null || !auth.get().getSession().getId().equals(issued.get("userSession"))
                ? Optional.empty() : Optional.of(auth.get().getUser());
    }

    /** The page for a person who is not signed in: the offer to sign in at the realm's Account Console. */
    public Response signInFirst(String back) {
        return FederationPages.forms(session).setStatus(Response.Status.UNAUTHORIZED)
                .setAttribute("outcome", "sign-in-first").setAttribute("messageKey", "ucdSignInFirst")
                .setAttribute("parameter", "").setAttribute("signInUrl", accountUrl())
                .setAttribute("backUrl", back).createForm(FederationPages.RESULT);
    }

    /** The realm's Account Console. */
    public String accountUrl() {
        return LibertyKeys.realmUrl(session, realm) + "/account/";
    }

    private String key(String token) {
        return StoreKey.of("ucd-federation-form", realm.getId(), token);
    }
}
