package org.ucdgba.gba.bsf;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.ucdgba.gba.core.provisioning.CardKeyFile;
import org.ucdgba.gba.core.provisioning.ColumnKeys;
import org.ucdgba.io.BoundedBody;

/**
 * The subscribers of a realm, for its administrators, at {@code /admin/realms/{realm}/}{@value #ID}.
 * {@code POST import} takes a card-key file ({@code text/csv}, pySim's layout, see {@link CardKeyFile}) and answers
 * an {@link ImportReport}: every row ({@code ?rows=all}) or the refused ones. Encrypted columns' transport keys come
 * in the {@value #COLUMN_KEYS} header ({@code KI:hexkey,OPC:hexkey}, pySim's {@code --csv-column-key} syntax), never
 * in the URL, and are never stored; {@code mncDigits} (2 or 3) is the MNC length when the file has no MNC column.
 * The file may be sent in gzip ({@code Content-Encoding: gzip}).
 * Managing users is required; the import is one admin event with its counts.
 */
public final class SubscriberAdminResource {

    /** Path segment and provider id. */
    public static final String ID = "gba-subscribers";
    /** Request header carrying the transport keys of encrypted columns. */
    public static final String COLUMN_KEYS = "Gba-Column-Keys";
    /** Largest file read, decompressed: {@link CardKeyFile#MAX_LINES} rows of about 250 characters. */
    static final long MAX_FILE = 512L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(SubscriberAdminResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    SubscriberAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                            AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    /** Imports a card-key file; 400 when the file or a setting cannot be used at all, the report otherwise. */
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importCards(InputStream body, @HeaderParam(COLUMN_KEYS) String columnKeys,
                                @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
                                @QueryParam("mncDigits") Integer mncDigits, @QueryParam("rows") String rows) {
        auth.users().requireManage();
        if (mncDigits != null && mncDigits != 2 && mncDigits != 3) {
            return refused(Response.Status.BAD_REQUEST, "mncDigits must be 2 or 3");
        }
        if (encoding != null && !encoding.isBlank() && !"gzip".equalsIgnoreCase(encoding.strip())
                && !"identity".equalsIgnoreCase(encoding.strip())) {
            return refused(Response.Status.UNSUPPORTED_MEDIA_TYPE, "a file is sent as it is or in gzip");
        }
        ImportReport report = new ImportReport("all".equals(rows));
        try (CardKeyFile file = CardKeyFile.open(new InputStreamReader(decoded(body, encoding),
                StandardCharsets.UTF_8), ColumnKeys.parse(columnKeys), mncDigits == null ? 0 : mncDigits)) {
            new SubscriberImport(session.getKeycloakSessionFactory(), realm.getId()).run(file, report);
        } catch (IllegalArgumentException e) {
            return refused(Response.Status.BAD_REQUEST, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            report.unread("the file ended before it was complete or is not gzip; the rows before were imported");
        }
        LOG.infof("card-key import into realm %s: %s", realm.getName(), report);
        adminEvent.operation(OperationType.CREATE).resource(ResourceType.USER)
                .resourcePath(session.getContext().getUri()).representation(Map.of("created", report.getCreated(),
                        "updated", report.getUpdated(), "unchanged", report.getUnchanged(),
                        "refused", report.getRefused())).success();
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * The body as text bytes: gunzipped when sent in gzip (Keycloak takes request bodies up to 10 MB, and a
     * 100,000-row file in gzip is well under that), at most {@value #MAX_FILE} octets either way.
     */
    private static InputStream decoded(InputStream body, String encoding) throws IOException {
        InputStream in = encoding != null && "gzip".equalsIgnoreCase(encoding.strip())
                ? new GZIPInputStream(body) : body;
        return BoundedBody.limited(in, MAX_FILE);
    }

    private static Response refused(Response.Status status, String description) {
        return BsfErrors.json(status, BsfErrors.INVALID_CARD_FILE, description);
    }
}
