package org.ucdgba.federation;

import java.util.List;
import org.keycloak.models.IdentityProviderModel;

/**
 * The slave's pages for a person: the choice of a master (seed step 3) and the result (step 9). Plain, escaped
 * HTML; every outcome carries {@code data-result} for user agents that read it.
 */
final class FederationPages {

    private FederationPages() {
    }

    /** The form: masters to choose from, the master account, and the form token. */
    static String chooseMaster(String username, List<IdentityProviderModel> masters, String action, String formToken) {
        StringBuilder options = new StringBuilder();
        for (IdentityProviderModel m : masters) {
            options.append("<option value=\"").append(escape(m.getAlias())).append("\">")
                    .append(escape(m.getDisplayName() == null ? m.getAlias() : m.getDisplayName())).append("</option>");
        }
        return page("Federate your account", "<p>Signed in here as <strong>" + escape(username) + "</strong>.</p>"
                + "<form id=\"federate\" method=\"post\" action=\"" + escape(action) + "\">"
                + "<label>Master server <select name=\"master\">" + options + "</select></label> "
                + "<label>Your account there <input name=\"masterAccount\" required maxlength=\"255\"></label>"
                + "<input type=\"hidden\" name=\"formToken\" value=\"" + escape(formToken) + "\">"
                + "<button type=\"submit\">Federate</button></form>");
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
