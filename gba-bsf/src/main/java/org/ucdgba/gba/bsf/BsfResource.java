package org.ucdgba.gba.bsf;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.keycloak.models.KeycloakSession;

/**
 * The BSF's HTTP interfaces under {@code /realms/{realm}/gba-bsf}: Ub at {@code /} (GET or POST, TS 24.109
 * clause 4) and Zn at {@code /zn} (SOAP POST, TS 29.109 clause 5.3).
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
    @Consumes(MediaType.WILDCARD)
    public Response ubPost(InputStream body) {
        byte[] bytes = read(body);
        return bytes == null ? tooLarge() : new UbEndpoint(session).handle("POST", bytes);
    }

    /** Zn, Web Services binding. */
    @POST
    @Path("zn")
    @Consumes(MediaType.WILDCARD)
    public Response zn(InputStream body) {
        byte[] bytes = read(body);
        return bytes == null ? tooLarge() : new ZnEndpoint(session).handle(bytes);
    }

    /** The body, or null when it exceeds {@value #MAX_BODY} octets: nothing larger is read into memory. */
    private static byte[] read(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            return bytes.length > MAX_BODY ? null : bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response tooLarge() {
        return BsfErrors.json(Response.Status.REQUEST_ENTITY_TOO_LARGE, BsfErrors.MALFORMED_REQUEST,
                "request body larger than " + MAX_BODY + " octets");
    }
}
