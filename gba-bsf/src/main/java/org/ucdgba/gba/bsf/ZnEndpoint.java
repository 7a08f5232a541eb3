package org.ucdgba.gba.bsf;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.keycloak.authentication.authenticators.client.ClientIdAndSecretAuthenticator;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCClientSecretConfigWrapper;
import org.ucdgba.gba.core.EventDetails;
import org.ucdgba.gba.core.kdf.GbaKdf;
import org.ucdgba.gba.core.zn.ZnAnswer;
import org.ucdgba.gba.core.zn.ZnException;
import org.ucdgba.gba.core.zn.ZnRequest;
import org.ucdgba.gba.core.zn.ZnSoap;
import org.ucdgba.io.RefusedInput;

/**
 * The BSF's side of Zn, Web Services binding (TS 29.109 clause 5.3; TS 33.220 clause 4.5.3): a NAF, registered
 * as a confidential client of the realm whose {@value BsfConfig#NAF_FQDNS_ATTRIBUTE} attribute lists its FQDNs,
 * authenticates with HTTP Basic and receives Ks_NAF for a B-TID and its own NAF_Id. Failed authentications are
 * bounded per client id and address ({@link BsfConfig#ZN_FAILURES}); past the bound the answer is 429. Every request is an event:
 * {@code CLIENT_LOGIN} when key material left the BSF, {@code CLIENT_LOGIN_ERROR} otherwise.
 */
final class ZnEndpoint {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EventBuilder event;
    private final AttemptBudget authFailures;

    ZnEndpoint(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        BsfConfig config = new BsfConfig(realm, session.getContext().getUri().getBaseUri().getHost());
        this.authFailures = new AttemptBudget(session.singleUseObjects(), "zn-auth-failures", realm.getId(),
                config.znFailures(), config.throttleWindow());
        this.event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.CLIENT_LOGIN)
                .detail(Details.AUTH_METHOD, "gba-zn");
    }

    Response handle(byte[] body) {
        Optional<BasicCredentials> credentials = basicCredentials();
        if (credentials.isEmpty()) {
            event.error(BsfErrors.NAF_NOT_AUTHORIZED);
            return fault(Response.Status.UNAUTHORIZED, ZnException.Reason.NAF_NOT_AUTHORIZED,
                    "NAF client authentication failed");
        }
        // Secrets cannot be guessed faster than the budget: failures count per client id and address.
        String clientId = credentials.get().clientId();
        String address = session.getContext().getConnection().getRemoteAddr();
        event.detail(Details.CLIENT_AUTH_METHOD, "client-secret-basic").detail(EventDetails.NAF_CLIENT_ID, clientId);
        if (authFailures.exhausted(clientId, address)) {
            event.error(BsfErrors.ZN_THROTTLED);
            return fault(Response.Status.TOO_MANY_REQUESTS, ZnException.Reason.NAF_NOT_AUTHORIZED,
                    "too many failed authentications; retry later", authFailures.retryAfterSeconds());
        }
        Optional<ClientModel> naf = authenticatedNaf(credentials.get());
        if (naf.isEmpty()) {
            authFailures.spend(clientId, address);
            event.error(BsfErrors.NAF_NOT_AUTHORIZED);
            return fault(Response.Status.UNAUTHORIZED, ZnException.Reason.NAF_NOT_AUTHORIZED,
                    "NAF client authentication failed");
        }
        event.client(naf.get());
        ZnRequest request;
        try {
            request = ZnSoap.readRequest(body);
        } catch (RefusedInput e) {
            event.error(BsfErrors.MALFORMED_REQUEST);
            return fault(Response.Status.BAD_REQUEST, ZnException.Reason.PROTOCOL, e.getMessage());
        }
        event.detail(EventDetails.BTID, request.btid().value()).detail(EventDetails.NAF_FQDN, request.nafId().fqdn());
        if (!servesFqdn(naf.get(), request.nafId().fqdn())) {
            event.error(BsfErrors.NAF_NOT_AUTHORIZED);
            return fault(Response.Status.FORBIDDEN, ZnException.Reason.NAF_NOT_AUTHORIZED,
                    "this NAF client may not request keys for " + request.nafId().fqdn());
        }
        Optional<BootstrappingContext> found = new BsfStore(session, realm.getId()).findContext(request.btid());
        if (found.isEmpty()) {
            event.error(BsfErrors.UNKNOWN_BTID);
            return fault(Response.Status.INTERNAL_SERVER_ERROR, ZnException.Reason.UNKNOWN_BTID,
                    "no bootstrapping context for this B-TID; the UE must bootstrap again");
        }
        BootstrappingContext context = found.get();
        // A subscriber removed or disabled since bootstrapping gets no more keys.
        UserModel user = session.users().getUserById(realm, context.userId());
        Subscriber.Lookup lookup = user == null ? Subscriber.Lookup.refused(BsfErrors.UNKNOWN_SUBSCRIBER)
                : Subscriber.byUser(user);
        Optional<Subscriber> subscriber = lookup.found();
        if (subscriber.isEmpty()) {
            event.user(context.userId()).error(lookup.error());
            return fault(Response.Status.INTERNAL_SERVER_ERROR, ZnException.Reason.UNKNOWN_BTID,
                    "the subscription of this B-TID is no longer active");
        }
        // GBA_ME subscription: the key material is Ks_NAF (TS 33.220 clause 4.5.3); no uiccKeyMaterial exists.
        byte[] ksNaf = GbaKdf.ksExtNaf(context.ks(), context.rand(), context.impi(), request.nafId());
        List<String> impus = subscriber.get().impusFor(naf.get().getAttribute(BsfConfig.NAF_GROUP_ATTRIBUTE));
        String answer = ZnSoap.writeAnswer(new ZnAnswer(context.impi(), ksNaf, null, context.created(),
                context.expires(), impus));
        Arrays.fill(ksNaf, (byte) 0);
        event.user(context.userId()).success();
        return Response.ok(answer, ZnSoap.CONTENT_TYPE).build();
    }

    /** The client id and secret of an HTTP Basic {@code Authorization} header (RFC 7617). */
    private record BasicCredentials(String clientId, String secret) {
    }

    private Optional<BasicCredentials> basicCredentials() {
        String header = session.getContext().getRequestHeaders().getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon > 255) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    private Optional<ClientModel> authenticatedNaf(BasicCredentials credentials) {
        ClientModel client = realm.getClientByClientId(credentials.clientId());
        // Only clients that authenticate by secret, with a secret that has not expired (Keycloak's own rules).
        if (client == null || !client.isEnabled() || client.isPublicClient()
                || !ClientIdAndSecretAuthenticator.PROVIDER_ID.equals(client.getClientAuthenticatorType())
                || client.getAttribute(BsfConfig.NAF_FQDNS_ATTRIBUTE) == null
                || OIDCClientSecretConfigWrapper.fromClientModel(client).isClientSecretExpired()
                || !client.validateSecret(credentials.secret())) {
            return Optional.empty();
        }
        return Optional.of(client);
    }

    private static boolean servesFqdn(ClientModel naf, String fqdn) {
        return Arrays.stream(naf.getAttribute(BsfConfig.NAF_FQDNS_ATTRIBUTE).split("[,\\s]+"))
                .map(s -> s.toLowerCase(Locale.ROOT))
                .anyMatch(fqdn::equals);
    }

    /**
     * A SOAP fault. SOAP 1.1 clause 6.2 and WS-I Basic Profile R1126 put faults on HTTP 500; faults that arise
     * before a SOAP request was read use 400, 401 or 403 so that plain HTTP clients see the cause.
     */
    private static Response fault(Response.Status status, ZnException.Reason reason, String message) {
        return Response.status(status).type(ZnSoap.CONTENT_TYPE).entity(ZnSoap.writeFault(reason, message)).build();
    }

    private static Response fault(Response.Status status, ZnException.Reason reason, String message,
                                  long retryAfterSeconds) {
        return Response.fromResponse(fault(status, reason, message))
                .header("Retry-After", Long.toString(retryAfterSeconds)).build();
    }
}
