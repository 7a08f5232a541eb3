package org.ucdgba.federation;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderModel;

/**
 * The slave's pages for a person: the choice of a master (seed step 3), the federations held and the result
 * (step 9). Plain, escaped
 * HTML; every outcome carries {@code data-result} for user agents that read it.
 */
final class FederationPages {

    private FederationPages() {
    }

    /**
     * The forms: masters to choose from and the master account (posted to {@code base/federate}), and for each
     * federation a button that ends it (posted to {@code base/end}), all with the page's single-use form token.
     */
    static String chooseMaster(String username, List<IdentityProviderModel> masters, List<FederatedIdentityModel> links,
                               String base, String formToken) {
        StringBuilder options = new StringBuilder();
        for (IdentityProviderModel m : masters) {
            options.append("<option value=\"").append(escape(m.getAlias())).append("\">")
                    .append(escape(m.getDisplayName() == null ? m.getAlias() : m.getDisplayName())).append("</option>");
        }
        String token = "<input type=\"hidden\" name=\"formToken\" value=\"" + escape(formToken) + "\">";
        StringBuilder federations = new StringBuilder();
        for (FederatedIdentityModel link : links) {
            String account = link.getUserName() != null ? link.getUserName() : link.getUserId();
            federations.append("<li><form class=\"end\" method=\"post\" action=\"").append(escape(base + "/end"))
                    .append("\">").append(escape(account)).append(" at ").append(escape(link.getIdentityProvider()))
                    .append(" <input type=\"hidden\" name=\"master\" value=\"")
                    .append(escape(link.getIdentityProvider())).append("\">").append(token)
                    .append("<button type=\"submit\">End this federation</button></form></li>");
        }
        return page("Federate your account", "<p>Signed in here as <strong>" + escape(username) + "</strong>.</p>"
                + (links.isEmpty() ? "" : "<h2>Your federations</h2><ul id=\"federations\">" + federations + "</ul>")
                + "<form id=\"federate\" method=\"post\" action=\"" + escape(base + "/federate") + "\">"
                + "<label>Master server <select name=\"master\">" + options + "</select></label> "
                + "<label>Your account there <input name=\"masterAccount\" required maxlength=\"255\"></label>"
                + token + "<button type=\"submit\">Federate</button></form>");
    }

    /** IdentityFederationResponse: JSON for an application, a short page for a person. */
    static Response answer(boolean json, Response.Status status, String outcome, String text, String master) {
        if (json) {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("result", outcome);
            if (master != null) {
                out.put("master", master);
            }
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(out).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(result(outcome, text)).build();
    }

    /** An outcome page. */
    static String result(String outcome, String text) {
        return page("Account federation", "<p id=\"result\" data-result=\"" + escape(outcome) + "\">" + escape(text)
                + "</p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title></head><body>"
                + "<h1>" + escape(title) + "</h1>" + body + "</body></html>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
