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

    /** How long a federation request waits for its response: the master's login may take a while. */
    private static final long PENDING_SECONDS = 1800;
    /** How long a termination by redirect has to reach the master before the same one follows by SOAP. */
    private static final Duration REDIRECT_GRACE = Duration.ofMinutes(5);
    /** Event detail on a removal the partner already knows of, so that no termination is sent again. */
    static final String NOTIFIED_DETAIL = "liberty_partner_notified";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final IdpPartners masters;

    SlaveResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.masters = new IdpPartners(session);
    }

    static String providerId(KeycloakSession session, RealmModel realm) {
        return LibertyKeys.realmUrl(session, realm) + "/" + SlaveResourceProviderFactory.ID;
    }

    private Exchange exchange() {
        return LibertyKeys.exchange(session, realm, providerId(session, realm), masters);
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
        Optional<String> conflict = conflict(user.get(), master.get(), account);
        if (conflict.isPresent()) {
            return error(Response.Status.CONFLICT, "already_federated", conflict.get());
        }
        try {
            Map.Entry<String, URI> started = federate(user.get(), master.get(), account);
            Map<String, String> out = new LinkedHashMap<>();
            out.put("requestId", started.getKey());
            out.put("redirect", started.getValue().toString());
            return Response.ok(out).build();
        } catch (LibertyException e) {
            return error(Response.Status.BAD_GATEWAY, "master_not_usable", e.getMessage());
        }
    }

    /** Master account names compare as the master does: trimmed and in lower case. */
    private static String normalized(String account) {
        return account.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Why a federation cannot start, if it cannot: this user already has one with this master (it must end first),
     * the master account is federated with another account here, or the master still knows another account here
     * by this user's name.
     */
    private Optional<String> conflict(UserModel user, IdpPartners.Master master, String account) {
        String alias = master.model().getAlias();
        if (session.users().getFederatedIdentity(realm, user, alias) != null) {
            return Optional.of("this account is already federated with " + alias + "; end that federation first");
        }
        UserModel holder = session.users().getUserByFederatedIdentity(realm,
                new FederatedIdentityModel(alias, normalized(account), normalized(account)));
        if (holder != null) {
            return Optional.of("this master account is already federated with another account here");
        }
        // The master still knows another account here by this user name (its rename did not reach the master).
        boolean nameTaken = new FederationStore(session, realm).byLocalName(master.partner().providerId(),
                user.getUsername()).filter(f -> !f.getUserId().equals(user.getId())).isPresent();
        return nameTaken ? Optional.of("the master still knows another account here by this user name")
                : Optional.empty();
    }

    /**
     * Seed step 5: the signed RegisterNameIdentifierRequest for a master, remembered until its response comes back;
     * answers its RequestID and the URL of the master the user agent must follow.
     */
    private Map.Entry<String, URI> federate(UserModel user, IdpPartners.Master master, String account)
            throws LibertyException {
        String masterId = master.partner().providerId();
        NameIdentifier masterName = new NameIdentifier(normalized(account), masterId, null);
        NameRegistration rni = new NameRegistration(exchange());
        NameIdentifier slaveName = NameIdentifier.federated(user.getUsername(), providerId(session, realm));
        // A termination of this account's former federation with this master, still queued, would end the new one.
        TerminationOutbox.cancel(session, realm, masterId, slaveName.value());
        RegisterNameIdentifierRequest request = rni.initRequest(masterId, Profile.RNI_SP_HTTP, masterName,
                slaveName, masterName, null);
        session.singleUseObjects().put(pendingKey(request.requestId()), PENDING_SECONDS, Map.of(
                "userId", user.getId(), "alias", master.model().getAlias(), "masterAccount", masterName.value(),
                "masterId", masterId, "slaveName", slaveName.value()));
        return Map.entry(request.requestId(), rni.buildRequestRedirect(masterId, request));
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
                PENDING_SECONDS, Map.of("userSession", auth.getSession().getId()));
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
            return result(false, Response.Status.BAD_REQUEST, "failed", "Choose a master and name your account there.",
                    null);
        }
        Optional<String> conflict = conflict(person.get(), master.get(), account);
        if (conflict.isPresent()) {
            return result(false, Response.Status.CONFLICT, "conflict", conflict.get(), master.get().model().getAlias());
        }
        try {
            return Response.seeOther(federate(person.get(), master.get(), account).getValue()).build();
        } catch (LibertyException e) {
            return result(false, Response.Status.BAD_GATEWAY, "failed", "This master cannot be used now.", null);
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
            return result(false, Response.Status.NOT_FOUND, "failed", "Your account is not federated with this master.",
                    null);
        }
        EventBuilder e = event(EventType.REMOVE_FEDERATED_IDENTITY).user(person.get())
                .detail(Details.IDENTITY_PROVIDER, alias);
        if (!master.get().partner().metadata().supports(Profile.FEDTERM_SP_HTTP)) {
            return endBySoap(person.get(), master.get(), e)
                    ? result(false, Response.Status.OK, "terminated", "The federation has ended.", alias)
                    : result(false, Response.Status.BAD_GATEWAY, "failed",
                    "The master could not be told; the federation stays.", alias);
        }
        String masterId = master.get().partner().providerId();
        NameIdentifier slaveName = slaveName(session, realm, person.get(), masterId);
        URI toMaster;
        try {
            FederationTermination fedterm = new FederationTermination(exchange());
            toMaster = fedterm.buildRedirect(masterId, fedterm.initNotification(masterId, Profile.FEDTERM_SP_HTTP,
                    slaveName, null));
        } catch (LibertyException ex) {
            e.event(EventType.REMOVE_FEDERATED_IDENTITY_ERROR).detail(Details.REASON, ex.getMessage())
                    .error("liberty_" + ex.reason().name().toLowerCase(Locale.ROOT));
            return result(false, Response.Status.BAD_GATEWAY, "failed", "This master cannot be used now.", alias);
        }
        unlink(person.get(), alias, masterId);
        if (master.get().partner().metadata().supports(Profile.FEDTERM_SP_SOAP)) {
            // The user agent may never reach the master: the same notification follows later by SOAP (the master
            // answers it with nothing to end once the redirect has arrived).
            TerminationOutbox.enqueue(session, realm, providerId(session, realm), masterId, Profile.FEDTERM_SP_SOAP,
                    slaveName, REDIRECT_GRACE);
        }
        e.detail(NOTIFIED_DETAIL, "true").success();
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
        return result(false, Response.Status.BAD_REQUEST, "failed",
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

    /** RegisterNameIdentifierResponse from the master (steps 7-9). */
    @GET
    @Path("rni-return")
    public Response registerNameIdentifierReturn(@Context HttpHeaders headers) {
        boolean json = headers.getAcceptableMediaTypes().stream().anyMatch(MediaType.APPLICATION_JSON_TYPE::equals);
        String rawQuery = Optional.ofNullable(session.getContext().getUri().getRequestUri().getRawQuery()).orElse("");
        EventBuilder e = event(EventType.FEDERATED_IDENTITY_LINK);
        Map<String, String> pending;
        RegisterNameIdentifierResponse response;
        try {
            String inResponseTo = QueryString.parse(rawQuery).get("InResponseTo");
            pending = inResponseTo == null ? null : session.singleUseObjects().get(pendingKey(inResponseTo));
            if (pending == null) {
                throw new LibertyException(LibertyException.Reason.IN_RESPONSE_TO_MISMATCH,
                        "no federation request of this server is waiting for this response");
            }
            // Verified before the pending request is used up, so a forged response cannot spend it.
            response = new NameRegistration(exchange()).processResponseRedirect(rawQuery, inResponseTo,
                    pending.get("masterId"));
            if (response.recipient() != null && !response.recipient().equals(providerId(session, realm))) {
                throw new LibertyException(LibertyException.Reason.IN_RESPONSE_TO_MISMATCH,
                        "the response is addressed to another provider");
            }
            if (session.singleUseObjects().remove(pendingKey(inResponseTo)) == null) {
                throw new LibertyException(LibertyException.Reason.REPLAYED, "this response was already used");
            }
        } catch (LibertyException ex) {
            e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR).detail(Details.REASON, ex.getMessage())
                    .error("liberty_" + ex.reason().name().toLowerCase(Locale.ROOT));
            return result(json, Response.Status.BAD_REQUEST, "failed", "The master's answer was refused.", null);
        }
        String alias = pending.get("alias");
        UserModel user = session.users().getUserById(realm, pending.get("userId"));
        e.detail(Details.IDENTITY_PROVIDER, alias).detail("master_account", pending.get("masterAccount"));
        if (user == null) {
            e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR).error("user_not_found");
            return result(json, Response.Status.BAD_REQUEST, "failed", "The account here no longer exists.", alias);
        }
        e.user(user);
        if (!response.status().isSuccess()) {
            e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR).detail("status", response.status().code().getLocalPart()
                    + (response.status().secondLevel() == null ? "" : " " + response.status().secondLevel()
                    .getLocalPart())).error("liberty_master_refused");
            return result(json, Response.Status.FORBIDDEN, "refused", "The master did not federate the accounts.",
                    alias);
        }
        FederatedIdentityModel link = new FederatedIdentityModel(alias, pending.get("masterAccount"),
                pending.get("masterAccount"));
        UserModel holder = session.users().getUserByFederatedIdentity(realm, link);
        if (holder != null && !holder.getId().equals(user.getId())) {
            e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR).error("liberty_master_account_linked_elsewhere");
            return result(json, Response.Status.CONFLICT, "conflict",
                    "This master account is already federated with another account here.", alias);
        }
        if (session.users().getFederatedIdentity(realm, user, alias) != null) {
            session.users().removeFederatedIdentity(realm, user, alias);
        }
        session.users().addFederatedIdentity(realm, user, link);
        new FederationStore(session, realm).link(providerId(session, realm), user.getId(), pending.get("masterId"),
                pending.get("slaveName"),
                pending.get("masterAccount"));
        e.success();
        return result(json, Response.Status.OK, "linked", "Your accounts are now federated.", alias);
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
            TerminationNotifier.notify(exchange(), masterId, Profile.FEDTERM_SP_SOAP,
                    slaveName(session, realm, user, masterId));
        } catch (LibertyException | IllegalArgumentException | IOException ex) {
            e.event(EventType.REMOVE_FEDERATED_IDENTITY_ERROR).detail(Details.REASON, ex.getMessage())
                    .error("liberty_master_unreachable");
            return false;
        }
        unlink(user, master.model().getAlias(), masterId);
        e.detail(NOTIFIED_DETAIL, "true").success();
        return true;
    }

    /** Removes the user's link with a master, and its record. */
    private void unlink(UserModel user, String alias, String masterId) {
        session.users().removeFederatedIdentity(realm, user, alias);
        forget(session, realm, user, masterId);
    }

    /** This slave's ID-FF metadata (SPDescriptor), for masters to register it as a client. */
    @GET
    @Path("metadata")
    @Produces(MediaType.APPLICATION_XML)
    public Response metadata() {
        String base = providerId(session, realm);
        ProviderMetadata m = UcdDescriptors.slave(base, LibertyKeys.realmKeys(session, realm).certificate(),
                base + "/soap", base + "/rni-return", base + "/fedterm-return");
        return Response.ok(MetadataXml.write(m), MediaType.APPLICATION_XML_TYPE).build();
    }

    /**
     * A master ends a federation (fedterm-idp-soap): the link of the local account named by the notification is
     * removed. One-way: 204, or a SOAP fault.
     */
    @POST
    @Path("soap")
    @Consumes({MediaType.TEXT_XML, SoapBinding.SOAP12_MEDIA_TYPE})
    public Response soap(InputStream body) {
        EventBuilder e = event(EventType.REMOVE_FEDERATED_IDENTITY);
        try {
            Exchange.Received<FederationTerminationNotification> received = new FederationTermination(exchange())
                    .processSoap(RequestBodies.read(body));
            String masterId = received.partner().providerId();
            Optional<IdpPartners.Master> master = masters.masterByProviderId(masterId);
            String account = received.message().nameIdentifier().value();
            // The account the link was made with, whatever its user name is now.
            UserModel user = new FederationStore(session, realm).byLocalName(masterId, account)
                    .map(f -> session.users().getUserById(realm, f.getUserId()))
                    .orElseGet(() -> session.users().getUserByUsername(realm, account));
            if (user != null && master.isPresent()
                    && session.users().getFederatedIdentity(realm, user, master.get().model().getAlias()) != null) {
                unlink(user, master.get().model().getAlias(), masterId);
                e.user(user).detail(Details.IDENTITY_PROVIDER, master.get().model().getAlias())
                        .detail(NOTIFIED_DETAIL, "true").success();
            }
            return Response.noContent().build();
        } catch (LibertyException ex) {
            e.event(EventType.REMOVE_FEDERATED_IDENTITY_ERROR).detail(Details.REASON, ex.getMessage())
                    .error("liberty_" + ex.reason().name().toLowerCase(Locale.ROOT));
            return SoapFaults.fault(ex);
        }
    }

    /** Where a master-initiated, or our own redirect, termination lands; nothing to do but say so. */
    @GET
    @Path("fedterm-return")
    @Produces(MediaType.TEXT_HTML)
    public Response terminationReturn() {
        return result(false, Response.Status.OK, "terminated", "The federation has ended.", null);
    }

    /**
     * The name identifier of a local account towards a master, qualified by this slave: the one its federation was
     * made with (its user name then), else its user name.
     */
    static NameIdentifier slaveName(KeycloakSession session, RealmModel realm, UserModel user, String masterId) {
        String name = new FederationStore(session, realm).ofUser(user.getId()).stream()
                .filter(f -> f.getPartnerId().equals(masterId)).map(FederationEntity::getLocalNameId).findFirst()
                .orElse(user.getUsername());
        return NameIdentifier.federated(name, providerId(session, realm));
    }

    /** The record of a link that has ended. */
    static void forget(KeycloakSession session, RealmModel realm, UserModel user, String masterId) {
        FederationStore store = new FederationStore(session, realm);
        store.ofUser(user.getId()).stream().filter(f -> f.getPartnerId().equals(masterId)).forEach(store::remove);
    }

    private Optional<UserModel> user() {
        return UserTokens.user(session);
    }

    private String pendingKey(String requestId) {
        return StoreKey.of("ucd-rni-pending", realm.getId(), requestId);
    }

    private static Response unauthorized() {
        return error(Response.Status.UNAUTHORIZED, "not_authenticated", "a bearer token of the user is required");
    }

    private static Response error(Response.Status status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", error, "error_description", description)).build();
    }

    /** IdentityFederationResponse: JSON for an application, a short page for a person. */
    private static Response result(boolean json, Response.Status status, String outcome, String text, String master) {
        if (json) {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("result", outcome);
            if (master != null) {
                out.put("master", master);
            }
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(out).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(FederationPages.result(outcome, text)).build();
    }
}
