package org.ucdgba.federation;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.ucdgba.liberty.FederationTerminationNotification;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.LibertyMessage;
import org.ucdgba.liberty.RegisterNameIdentifierRequest;
import org.ucdgba.liberty.RegisterNameIdentifierResponse;
import org.ucdgba.liberty.binding.QueryString;
import org.ucdgba.liberty.binding.SoapBinding;
import org.ucdgba.liberty.metadata.MetadataXml;
import org.ucdgba.liberty.metadata.ProviderMetadata;
import org.ucdgba.liberty.profile.Exchange;
import org.ucdgba.liberty.profile.FederationTermination;
import org.ucdgba.liberty.profile.NameRegistration;
import org.ucdgba.liberty.profile.Renaming;

/**
 * The slave's ID-FF endpoints, under {@code /realms/{realm}/ucd-federation/idff}: its {@code metadata}; the
 * master's RegisterNameIdentifierResponse to a federation request ({@code rni-return}, seed steps 7-9); and what
 * a master starts: terminations (fedterm-idp-http at {@code fedterm}, fedterm-idp-soap at {@code soap}) and new
 * names of its accounts (rni-idp-http at {@code rni}, rni-idp-soap at {@code soap}). Every message is verified
 * against the configured master it names, and every refusal takes one path: an error event, then a page or a
 * SOAP fault.
 */
public final class SlaveEndpoint {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final SlaveService slave;

    SlaveEndpoint(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.slave = new SlaveService(session);
    }

    private EventBuilder event(EventType type) {
        return new EventBuilder(realm, session, session.getContext().getConnection()).event(type);
    }

    /** This slave's ID-FF metadata (SPDescriptor), for masters to register it as a client. */
    @GET
    @Path("metadata")
    @Produces(MediaType.APPLICATION_XML)
    public Response metadata() {
        String self = SlaveService.providerId(session, realm);
        ProviderMetadata m = UcdDescriptors.slave(self, LibertyKeys.realmKeys(session, realm).certificate(),
                UcdDescriptors.Endpoints.under(self + "/" + SlaveResource.ENDPOINT));
        return Response.ok(MetadataXml.write(m), MediaType.APPLICATION_XML_TYPE).build();
    }

    /** RegisterNameIdentifierResponse from the master (steps 7-9). */
    @GET
    @Path("rni-return")
    public Response registerNameIdentifierReturn(@Context HttpHeaders headers) {
        boolean json = headers.getAcceptableMediaTypes().stream().anyMatch(MediaType.APPLICATION_JSON_TYPE::equals);
        EventBuilder e = event(EventType.FEDERATED_IDENTITY_LINK);
        PendingRegistration pending;
        RegisterNameIdentifierResponse response;
        try {
            String inResponseTo = QueryString.parse(rawQuery()).get("InResponseTo");
            pending = PendingRegistration.peek(session, realm, inResponseTo).orElseThrow(() -> new LibertyException(
                    LibertyException.Reason.IN_RESPONSE_TO_MISMATCH,
                    "no federation request of this server is waiting for this response"));
            // Verified before the pending request is used up, so a forged response cannot spend it.
            response = new NameRegistration(slave.exchange()).processResponseRedirect(rawQuery(), inResponseTo,
                    pending.partnerId());
            if (response.recipient() != null && !response.recipient().equals(SlaveService.providerId(session, realm))) {
                throw new LibertyException(LibertyException.Reason.IN_RESPONSE_TO_MISMATCH,
                        "the response is addressed to another provider");
            }
            if (!PendingRegistration.take(session, realm, inResponseTo)) {
                throw new LibertyException(LibertyException.Reason.REPLAYED, "this response was already used");
            }
        } catch (LibertyException ex) {
            refused(e, EventType.FEDERATED_IDENTITY_LINK_ERROR, ex);
            return FederationPages.answer(json, Response.Status.BAD_REQUEST, "failed",
                    "The master's answer was refused.", null);
        }
        String alias = pending.alias();
        UserModel user = session.users().getUserById(realm, pending.userId());
        e.detail(Details.IDENTITY_PROVIDER, alias).detail("master_account", pending.partnerName());
        if (user == null) {
            e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR).error("user_not_found");
            return FederationPages.answer(json, Response.Status.BAD_REQUEST, "failed",
                    "The account here no longer exists.", alias);
        }
        e.user(user);
        if (!response.status().isSuccess()) {
            e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR).detail("status", response.status().code().getLocalPart()
                    + (response.status().secondLevel() == null ? "" : " " + response.status().secondLevel()
                    .getLocalPart())).error("liberty_master_refused");
            return FederationPages.answer(json, Response.Status.FORBIDDEN, "refused",
                    "The master did not federate the accounts.", alias);
        }
        if (!slave.link(user, pending)) {
            e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR).error("liberty_master_account_linked_elsewhere");
            return FederationPages.answer(json, Response.Status.CONFLICT, "conflict",
                    "This master account is already federated with another account here.", alias);
        }
        e.success();
        return FederationPages.answer(json, Response.Status.OK, "linked", "Your accounts are now federated.", alias);
    }

    /**
     * The SOAP endpoint: a master's FederationTerminationNotification (fedterm-idp-soap; one-way, 204) or
     * RegisterNameIdentifierRequest (rni-idp-soap; answered with a signed RegisterNameIdentifierResponse).
     */
    @POST
    @Path("soap")
    @Consumes({MediaType.TEXT_XML, SoapBinding.SOAP12_MEDIA_TYPE})
    public Response soap(InputStream body) {
        EventBuilder e = event(EventType.REMOVE_FEDERATED_IDENTITY);
        try {
            Exchange.Received<LibertyMessage> received = slave.exchange().receiveSoap(RequestBodies.read(body),
                    LibertyMessage.class);
            String masterId = received.partner().providerId();
            if (received.message() instanceof FederationTerminationNotification notification) {
                terminated(masterId, notification);
                return Response.noContent().build();
            }
            if (received.message() instanceof RegisterNameIdentifierRequest request) {
                NameRegistration rni = new NameRegistration(slave.exchange());
                SlaveService.Rename rename = slave.renaming(masterId, request);
                // The answer is built before anything changes, so a failure to build it changes nothing.
                String answer = rni.buildResponseSoap(rni.buildResponse(request, rename.decision().status()));
                renamed(masterId, rename);
                return Response.ok(answer, SoapBinding.CONTENT_TYPE).build();
            }
            throw new LibertyException(LibertyException.Reason.MALFORMED, "not a request this endpoint takes");
        } catch (LibertyException ex) {
            refused(e, EventType.REMOVE_FEDERATED_IDENTITY_ERROR, ex);
            return SoapFaults.fault(ex);
        }
    }

    /** A master's FederationTerminationNotification by redirect (fedterm-idp-http), then back to the master. */
    @GET
    @Path("fedterm")
    @Produces(MediaType.TEXT_HTML)
    public Response terminationByRedirect() {
        try {
            FederationTermination fedterm = new FederationTermination(slave.exchange());
            Exchange.Received<FederationTerminationNotification> received = fedterm.processRedirect(rawQuery());
            terminated(received.partner().providerId(), received.message());
            return received.partner().metadata().federationTerminationReturnUrl() == null
                    ? terminationReturn() : Response.seeOther(fedterm.returnUrl(received)).build();
        } catch (LibertyException ex) {
            refused(event(EventType.REMOVE_FEDERATED_IDENTITY), EventType.REMOVE_FEDERATED_IDENTITY_ERROR, ex);
            return FederationPages.answer(false, Response.Status.BAD_REQUEST, "failed",
                    "The master's message was refused.", null);
        }
    }

    /** A master's RegisterNameIdentifierRequest by redirect (rni-idp-http), answered by redirect to the master. */
    @GET
    @Path("rni")
    @Produces(MediaType.TEXT_HTML)
    public Response registrationByRedirect() {
        try {
            NameRegistration rni = new NameRegistration(slave.exchange());
            Exchange.Received<RegisterNameIdentifierRequest> received = rni.processRequestRedirect(rawQuery());
            String masterId = received.partner().providerId();
            SlaveService.Rename rename = slave.renaming(masterId, received.message());
            var back = rni.buildResponseRedirect(rni.buildResponse(received.message(), rename.decision().status()));
            renamed(masterId, rename);
            return Response.seeOther(back).build();
        } catch (LibertyException ex) {
            refused(event(EventType.FEDERATED_IDENTITY_LINK), EventType.FEDERATED_IDENTITY_LINK_ERROR, ex);
            return FederationPages.answer(false, Response.Status.BAD_REQUEST, "failed",
                    "The master's message was refused.", null);
        }
    }

    /** Where a termination by redirect ends, this slave's or a master's: nothing to do but say so. */
    @GET
    @Path("fedterm-return")
    @Produces(MediaType.TEXT_HTML)
    public Response terminationReturn() {
        return FederationPages.answer(false, Response.Status.OK, "terminated", "The federation has ended.", null);
    }

    private void terminated(String masterId, FederationTerminationNotification notification) {
        Optional<UserModel> user = slave.terminated(masterId, notification);
        user.ifPresent(u -> event(EventType.REMOVE_FEDERATED_IDENTITY).user(u)
                .detail(Details.IDENTITY_PROVIDER, slave.masters().masterByProviderId(masterId)
                        .map(m -> m.model().getAlias()).orElse(masterId))
                .detail(SlaveService.NOTIFIED_DETAIL, "true").success());
    }

    private void renamed(String masterId, SlaveService.Rename rename) {
        EventBuilder e = event(EventType.FEDERATED_IDENTITY_LINK).detail("reregistered", "true")
                .detail(Details.IDENTITY_PROVIDER, rename.alias() == null ? masterId : rename.alias());
        if (rename.user() != null) {
            e.user(rename.user());
        }
        if (rename.decision() == Renaming.RENAME) {
            e.detail("previous_master_account", rename.federation().getPartnerNameId())
                    .detail("master_account", rename.renamed());
            slave.apply(rename);
            e.success();
        } else if (!rename.decision().status().isSuccess()) {
            e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR).error(rename.decision() == Renaming.NO_FEDERATION
                    ? "liberty_federation_does_not_exist" : "liberty_name_identifier_refused");
        }
    }

    /** The one refusal path: the event says why; the caller answers with a page or a SOAP fault. */
    private static void refused(EventBuilder e, EventType type, LibertyException ex) {
        e.event(type).detail(Details.REASON, ex.getMessage())
                .error("liberty_" + ex.reason().name().toLowerCase(Locale.ROOT));
    }

    private String rawQuery() {
        return Optional.ofNullable(session.getContext().getUri().getRequestUri().getRawQuery()).orElse("");
    }
}
