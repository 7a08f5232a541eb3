package org.ucdgba.federation.slave;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.ucdgba.federation.FederationError;
import org.ucdgba.federation.UserTokens;

/**
 * The masters this slave federates with ("list of Master UCD Server addresses", seed step 2), for the UCD client
 * with the user's bearer token: {@code GET /realms/{realm}/ucd-federation/masters}.
 */
public final class SlaveMastersApi {

    private final KeycloakSession session;

    SlaveMastersApi(KeycloakSession session) {
        this.session = session;
    }

    /** Each master's alias and display name. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        if (UserTokens.user(session).isEmpty()) {
            return FederationError.NOT_AUTHENTICATED.json("a bearer token of the user is required");
        }
        IdpPartners masters = new IdpPartners(session);
        List<Map<String, String>> out = masters.masters().map(m -> Map.of("alias", m.getAlias(),
                "displayName", masters.displayName(m.getAlias()))).toList();
        return Response.ok(out).build();
    }
}
