package org.ucdgba.gba.bsf;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.persistence.PersistenceException;
import java.io.InputStream;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
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
    private static final Logger LOG = Logger.getLogger(BsfResource.class);

    private final KeycloakSession session;

    BsfResource(KeycloakSession session) {
        this.session = session;
    }

    /** Ub by GET, the usual form. */
    @GET
    public Response ubGet() {
        return guarded(() -> new UbEndpoint(session).handle("GET", new byte[0]));
    }

    /** Ub by POST; with qop auth-int the body enters the digest. */
    @POST
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML,
            MediaType.TEXT_XML, BootstrappingInfo.MEDIA_TYPE})
    public Response ubPost(InputStream body) {
        return guarded(() -> new UbEndpoint(session).handle("POST", BoundedBody.read(body, MAX_BODY)));
    }

    /** Zn, Web Services binding. */
    @POST
    @Path("zn")
    @Consumes({MediaType.TEXT_XML, ZnSoap.SOAP12_MEDIA_TYPE})
    public Response zn(InputStream body) {
        return guarded(() -> new ZnEndpoint(session).handle(BoundedBody.read(body, MAX_BODY)));
    }

    /**
     * The two failures every endpoint shares: a body refused while reading it (400 or 413), and the database out
     * of reach (503 with {@code Retry-After}, the request's transaction rolled back, a warning for the operator),
     * so that neither ends in a 500.
     */
    private Response guarded(Supplier<Response> endpoint) {
        try {
            return endpoint.get();
        } catch (RefusedInput e) {
            return refused(e);
        } catch (ModelException | PersistenceException e) {
            session.getTransactionManager().setRollbackOnly();
            LOG.warnf("BSF of realm %s unavailable: %s", session.getContext().getRealm().getName(),
                    e.getClass().getSimpleName());
            return BsfErrors.unavailable(BsfErrors.UNAVAILABLE, BsfErrors.UNAVAILABLE_RETRY_SECONDS);
        }
    }

    private static Response refused(RefusedInput e) {
        return BsfErrors.json(e.reason() == RefusedInput.Reason.TOO_LARGE ? Response.Status.REQUEST_ENTITY_TOO_LARGE
                : Response.Status.BAD_REQUEST, BsfErrors.MALFORMED_REQUEST, e.getMessage());
    }
}
