package org.ucdgba.gba.bsf;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;

/**
 * The BSF's HTTP interfaces under {@code /realms/{realm}/gba-bsf}: Ub at {@code /} (GET or POST, TS 24.109
 * clause 4) and Zn at {@code /zn} (SOAP POST, TS 29.109 clause 5.3).
 */
public final class BsfResource {

    private final KeycloakSession session;

    BsfResource(KeycloakSession session) {
        this.session = session;
    }

    /** Ub by GET, the usual form. */
    @GET
    public Response ubGet() {
        return new UbEndpoint(session).handle("GET", new byte[0]);
    }

    /** Ub by POST; with qop auth-int the body enters the digest. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response ubPost(byte[] body) {
        return new UbEndpoint(session).handle("POST", body == null ? new byte[0] : body);
    }

    /** Zn, Web Services binding. */
    @POST
    @Path("zn")
    @Consumes(MediaType.WILDCARD)
    public Response zn(byte[] body) {
        return new ZnEndpoint(session).handle(body == null ? new byte[0] : body);
    }
}
