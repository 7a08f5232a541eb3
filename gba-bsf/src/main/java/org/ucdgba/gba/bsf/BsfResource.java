package org.ucdgba.gba.bsf;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.keycloak.models.KeycloakSession;
import org.ucdgba.gba.core.bootstrap.BootstrappingInfo;
import org.ucdgba.gba.core.zn.ZnSoap;
import org.ucdgba.io.BoundedBody;
import org.ucdgba.io.RefusedInput;

/**
 * The BSF's HTTP interfaces under {@code /realms/{realm}/gba-bsf}: Ub at {@code /} (GET or POST, TS 24.109
 * clause 4) and Zn at {@code /zn} (SOAP POST, TS 29.109 clause 5.3). Bodies of other media types are answered 415
 * by JAX-RS before anything is read.
 */
public final class BsfResource {

    /** Largest request body read: Ub and Zn messages are a few kilobytes. */
    static final int MAX_BODY = 64 * 1024;

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
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML,
            MediaType.TEXT_XML, BootstrappingInfo.MEDIA_TYPE})
    public Response ubPost(InputStream body) {
        try {
            return new UbEndpoint(session).handle("POST", BoundedBody.read(body, MAX_BODY));
        } catch (RefusedInput e) {
            return refused(e);
        }
    }

    /** Zn, Web Services binding. */
    @POST
    @Path("zn")
    @Consumes({MediaType.TEXT_XML, ZnSoap.SOAP12_MEDIA_TYPE})
    public Response zn(InputStream body) {
        try {
            return new ZnEndpoint(session).handle(BoundedBody.read(body, MAX_BODY));
        } catch (RefusedInput e) {
            return refused(e);
        }
    }

    private static Response refused(RefusedInput e) {
        return BsfErrors.json(e.reason() == RefusedInput.Reason.TOO_LARGE ? Response.Status.REQUEST_ENTITY_TOO_LARGE
                : Response.Status.BAD_REQUEST, BsfErrors.MALFORMED_REQUEST, e.getMessage());
    }
}
