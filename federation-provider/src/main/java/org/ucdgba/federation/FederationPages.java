package org.ucdgba.federation;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;

/**
 * The pages a person sees, through the realm's login theme (templates {@value #PAGE} and {@value #RESULT} of the
 * themes module, with Keycloak's layout, escaping, language and security headers), and the same outcomes as JSON
 * for a program (IdentityFederationResponse: {"result", "master"}). Every outcome page carries
 * {@code data-result} for user agents that read it and links back.
 */
public final class FederationPages {

    /** The slave's federation page. */
    public static final String PAGE = "ucd-federation.ftl";
    /** An outcome. */
    public static final String RESULT = "ucd-federation-result.ftl";

    private FederationPages() {
    }

    /** The form of a page, with Keycloak's forms provider. */
    public static LoginFormsProvider forms(KeycloakSession session) {
        return session.getProvider(LoginFormsProvider.class);
    }

    /**
     * An outcome: JSON for an application, a page for a person.
     *
     * @param outcome    linked, terminated, refused, conflict, failed, sign-in-first
     * @param messageKey the page's message, with {@code parameter} as its {0}
     * @param master     the master's alias for the JSON answer, or null
     * @param back       where the page links back to
     */
    public static Response outcome(KeycloakSession session, boolean json, Response.Status status, String outcome,
                                   String messageKey, String parameter, String master, String back) {
        if (json) {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("result", outcome);
            if (master != null) {
                out.put("master", master);
            }
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(out).build();
        }
        LoginFormsProvider forms = forms(session).setStatus(status).setAttribute("outcome", outcome)
                .setAttribute("messageKey", messageKey).setAttribute("parameter", parameter == null ? "" : parameter);
        if (back != null) {
            forms.setAttribute("backUrl", back);
        }
        return forms.createForm(RESULT);
    }

    /** A failure, as a page or as JSON ({@link FederationError#json}). */
    public static Response failure(KeycloakSession session, boolean json, FederationError error, String parameter,
                                   String back) {
        return json ? error.json(parameter) : outcome(session, false, error.status(), error == FederationError
                .PARTNER_REFUSED ? "refused" : error == FederationError.ALREADY_FEDERATED
                || error == FederationError.LINKED_ELSEWHERE ? "conflict" : "failed", error.message(), parameter, null,
                back);
    }
}
