package org.ucdgba.federation;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.ucdgba.gba.core.StoreKey;
import org.ucdgba.liberty.binding.SoapBinding;
import org.ucdgba.liberty.FederationTerminationNotification;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.LibertyMessage;
import org.ucdgba.liberty.NameIdentifier;
import org.ucdgba.liberty.RegisterNameIdentifierRequest;
import org.ucdgba.liberty.RegisterNameIdentifierResponse;
import org.ucdgba.liberty.binding.QueryString;
import org.ucdgba.liberty.metadata.MetadataXml;
import org.ucdgba.liberty.metadata.ProviderMetadata;
import org.ucdgba.liberty.metadata.Profile;
import org.ucdgba.liberty.profile.Exchange;
import org.ucdgba.liberty.profile.FederationTermination;
import org.ucdgba.liberty.profile.NameRegistration;

/**
 * The Slave UCD server under {@code /realms/{realm}/ucd-federation}, for a UCD client holding the user's bearer
 * token (seed steps 2-3 and 9): list the masters, start a federation (IdentityFederationRequest), and end one.
 * {@code rni-return} takes the master's signed RegisterNameIdentifierResponse (step 8) and links the accounts
 * (step 9), answering the user agent with a page, or JSON for an application (IdentityFederationResponse).
 * {@code metadata} publishes the slave's ID-FF metadata. See docs/federation-api.md.
 */
public final class SlaveResource {

    /** The path segment of the slave's ID-FF endpoints ({@link SlaveEndpoint}). */
    static final String ENDPOINT = "idff";
    /** How long a form of the page may be used. */
    private static final long FORM_SECONDS = 1800;
    /** How long a termination by redirect has to reach the master before the same one follows by SOAP. */
    private static final Duration REDIRECT_GRACE = Duration.ofMinutes(5);
    private final KeycloakSession session;
    private final RealmModel realm;
    private final IdpPartners masters;
    private final SlaveService slave;

    SlaveResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.slave = new SlaveService(session);
        this.masters = slave.masters();
    }

    /** The ID-FF endpoints: metadata, and what masters send. */
    @Path(ENDPOINT)
    public SlaveEndpoint endpoint() {
        return new SlaveEndpoint(session);
    }

    private EventBuilder event(EventType type) {
        return new EventBuilder(realm, session, session.getContext().getConnection()).event(type);
    }

    /** The masters this slave federates with ("list of Master UCD Server addresses", step 2). */
    @GET
    @Path("masters")
    @Produces(MediaType.APPLICATION_JSON)
    public Response listMasters() {
        if (user().isEmpty()) {
            return unauthorized();
        }
        List<Map<String, String>> out = masters.masters().map(m -> Map.of("alias", m.getAlias(),
                "displayName", m.getDisplayName() == null ? m.getAlias() : m.getDisplayName())).toList();
        return Response.ok(out).build();
    }

    /**
     * IdentityFederationRequest (step 3): {"master": alias, "masterAccount": name}. Answers 200 with the URL of the
     * master that the user agent must follow (step 5): a signed RegisterNameIdentifierRequest, rni-sp-http.
     */
    @POST
    @Path("federations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response startFederation(Map<String, String> body) {
        Optional<UserModel> user = user();
        if (user.isEmpty()) {
            return unauthorized();
        }
        String alias = body == null ? null : body.get("master");
        String account = body == null ? null : body.get("masterAccount");
        Optional<IdpPartners.Master> master = alias == null ? Optional.empty() : masters.byAlias(alias);
        if (master.isEmpty() || account == null || account.isBlank() || account.length() > 255) {
            return error(Response.Status.BAD_REQUEST, "invalid_request",
                    "name a configured master and the master account");
        }
        Optional<String> conflict = slave.conflict(user.get(), master.get(), account);
        if (conflict.isPresent()) {
            return error(Response.Status.CONFLICT, "already_federated", conflict.get());
        }
        try {
            SlaveService.Started started = slave.federate(user.get(), master.get(), account);
            Map<String, String> out = new LinkedHashMap<>();
            out.put("requestId", started.requestId());
            out.put("redirect", started.redirect().toString());
            return Response.ok(out).build();
        } catch (LibertyException e) {
            return error(Response.Status.BAD_GATEWAY, "master_not_usable", e.getMessage());
        }
    }

    /**
     * The page a person uses at the slave (seed steps 2-3): signed in here (the realm's session cookie), choose a
     * master and name the account there. Without a session, a page that asks to sign in first.
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        AuthenticationManager.AuthResult auth = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        if (auth == null) {
            return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                        .entity(FederationPages.result("sign-in-first", "Sign in to your account here first, then "
                            + "come back to this page.")).build();
        }
        String formToken = LibertyMessage.newId();
        session.singleUseObjects().put(StoreKey.of("ucd-federation-form", realm.getId(), formToken),
                FORM_SECONDS, Map.of("userSession", auth.getSession().getId()));
        String base = session.getContext().getUri().getRequestUri().getRawPath().replaceAll("/$", "");
        return Response.ok(FederationPages.chooseMaster(auth.getUser().getUsername(), masters.masters().toList(),
                links(auth.getUser()), base, formToken), MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "frame-ancestors 'none'; default-src 'self'")
                .header("Cache-Control", "no-store").build();
    }

    /** The form's submission: the signed request by redirect to the chosen master (step 5). */
    @POST
    @Path("federate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response federateFromPage(MultivaluedMap<String, String> form) {
        Optional<UserModel> person = pageUser(form);
        if (person.isEmpty()) {
            return expiredForm();
        }
        String account = form.getFirst("masterAccount");
        Optional<IdpPartners.Master> master = Optional.ofNullable(form.getFirst("master")).flatMap(masters::byAlias);
        if (master.isEmpty() || account == null || account.isBlank() || account.length() > 255) {
            return FederationPages.answer(false, Response.Status.BAD_REQUEST, "failed", "Choose a master and name your account there.",
                    null);
        }
        Optional<String> conflict = slave.conflict(person.get(), master.get(), account);
        if (conflict.isPresent()) {
            return FederationPages.answer(false, Response.Status.CONFLICT, "conflict", conflict.get(), master.get().model().getAlias());
        }
        try {
            return Response.seeOther(slave.federate(person.get(), master.get(), account).redirect()).build();
        } catch (LibertyException e) {
            return FederationPages.answer(false, Response.Status.BAD_GATEWAY, "failed", "This master cannot be used now.", null);
        }
    }

    /**
     * A person ends a federation on the page: the link goes here and the user agent takes the signed
     * FederationTerminationNotification to the master (fedterm-sp-http), which sends it back to this slave's
     * FederationTerminationServiceReturnURL. A master that does not take that profile is told by SOAP.
     */
    @POST
    @Path("end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response endFromPage(MultivaluedMap<String, String> form) {
        Optional<UserModel> person = pageUser(form);
        if (person.isEmpty()) {
            return expiredForm();
        }
        String alias = form.getFirst("master");
        Optional<IdpPartners.Master> master = Optional.ofNullable(alias).flatMap(masters::byAlias);
        if (master.isEmpty() || session.users().getFederatedIdentity(realm, person.get(), alias) == null) {
            return FederationPages.answer(false, Response.Status.NOT_FOUND, "failed", "Your account is not federated with this master.",
                    null);
        }
        EventBuilder e = event(EventType.REMOVE_FEDERATED_IDENTITY).user(person.get())
                .detail(Details.IDENTITY_PROVIDER, alias);
        if (!master.get().partner().metadata().supports(Profile.FEDTERM_SP_HTTP)) {
            return endBySoap(person.get(), master.get(), e)
                    ? FederationPages.answer(false, Response.Status.OK, "terminated", "The federation has ended.", alias)
                    : FederationPages.answer(false, Response.Status.BAD_GATEWAY, "failed",
                    "The master could not be told; the federation stays.", alias);
        }
        String masterId = master.get().partner().providerId();
        NameIdentifier masterName = slave.masterName(person.get(), master.get());
        URI toMaster;
        try {
            FederationTermination fedterm = new FederationTermination(slave.exchange());
            toMaster = fedterm.buildRedirect(masterId, fedterm.initNotification(masterId, Profile.FEDTERM_SP_HTTP,
                    masterName, null));
        } catch (LibertyException ex) {
            e.event(EventType.REMOVE_FEDERATED_IDENTITY_ERROR).detail(Details.REASON, ex.getMessage())
                    .error("liberty_" + ex.reason().name().toLowerCase(Locale.ROOT));
            return FederationPages.answer(false, Response.Status.BAD_GATEWAY, "failed", "This master cannot be used now.", alias);
        }
        slave.unlink(person.get(), alias, masterId);
        if (master.get().partner().metadata().supports(Profile.FEDTERM_SP_SOAP)) {
            // The user agent may never reach the master: the same notification follows later by SOAP (the master
            // answers it with nothing to end once the redirect has arrived).
            TerminationOutbox.enqueue(session, realm, SlaveService.providerId(session, realm), masterId,
                    Profile.FEDTERM_SP_SOAP, masterName, REDIRECT_GRACE);
        }
        e.detail(SlaveService.NOTIFIED_DETAIL, "true").success();
        return Response.seeOther(toMaster).build();
    }

    /** The person signed in here whose page issued the form's single-use token to this browser session. */
    private Optional<UserModel> pageUser(MultivaluedMap<String, String> form) {
        AuthenticationManager.AuthResult auth = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        String formToken = form.getFirst("formToken");
        Map<String, String> issued = formToken == null ? null : session.singleUseObjects().remove(
                StoreKey.of("ucd-federation-form", realm.getId(), formToken));
        return auth == null || issued == null || !auth.getSession().getId().equals(issued.get("userSession"))
                ? Optional.empty() : Optional.of(auth.getUser());
    }

    private static Response expiredForm() {
        return FederationPages.answer(false, Response.Status.BAD_REQUEST, "failed",
                "This form has expired or was not issued to you. Open the federation page again.", null);
    }

    /** The user's links with the masters of this realm. */
    private List<FederatedIdentityModel> links(UserModel user) {
        return session.users().getFederatedIdentitiesStream(realm, user)
                .filter(f -> masters.byAlias(f.getIdentityProvider()).isPresent()).toList();
    }

    /** The federations of the user (IdentityFederationResponse for each linked master). */
    @GET
    @Path("federations")
    @Produces(MediaType.APPLICATION_JSON)
    public Response listFederations() {
        Optional<UserModel> user = user();
        if (user.isEmpty()) {
            return unauthorized();
        }
        List<Map<String, String>> out = links(user.get()).stream()
                .map(f -> Map.of("master", f.getIdentityProvider(), "masterAccount",
                        f.getUserName() != null ? f.getUserName() : f.getUserId())).toList();
        return Response.ok(out).build();
    }

    /** Ends a federation from the slave (fedterm-sp-soap), then removes the link here. */
    @DELETE
    @Path("federations/{master}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response endFederation(@PathParam("master") String alias) {
        Optional<UserModel> user = user();
        if (user.isEmpty()) {
            return unauthorized();
        }
        FederatedIdentityModel link = session.users().getFederatedIdentity(realm, user.get(), alias);
        Optional<IdpPartners.Master> master = masters.byAlias(alias);
        if (link == null || master.isEmpty()) {
            return error(Response.Status.NOT_FOUND, "not_federated", "no federation with this master");
        }
        EventBuilder e = event(EventType.REMOVE_FEDERATED_IDENTITY).user(user.get())
                .detail(Details.IDENTITY_PROVIDER, alias);
        return endBySoap(user.get(), master.get(), e) ? Response.noContent().build()
                : error(Response.Status.BAD_GATEWAY, "master_unreachable",
                "the master could not be told; the federation stays");
    }

    /** Tells the master (fedterm-sp-soap), then removes the link here; false, with an error event, if it cannot. */
    private boolean endBySoap(UserModel user, IdpPartners.Master master, EventBuilder e) {
        String masterId = master.partner().providerId();
        try {
            TerminationNotifier.notify(slave.exchange(), masterId, Profile.FEDTERM_SP_SOAP,
                    slave.masterName(user, master));
        } catch (LibertyException | IllegalArgumentException | IOException ex) {
            e.event(EventType.REMOVE_FEDERATED_IDENTITY_ERROR).detail(Details.REASON, ex.getMessage())
                    .error("liberty_master_unreachable");
            return false;
        }
        slave.unlink(user, master.model().getAlias(), masterId);
        e.detail(SlaveService.NOTIFIED_DETAIL, "true").success();
        return true;
    }

    private Optional<UserModel> user() {
        return UserTokens.user(session);
    }

    private static Response unauthorized() {
        return error(Response.Status.UNAUTHORIZED, "not_authenticated", "a bearer token of the user is required");
    }

    private static Response error(Response.Status status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", error, "error_description", description)).build();
    }
}
