package org.ucdgba.federation.slave;

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
import java.util.Optional;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.ucdgba.federation.FederationError;
import org.ucdgba.federation.FederationPages;
import org.ucdgba.federation.LibertyKeys;
import org.ucdgba.federation.PendingRegistration;
import org.ucdgba.federation.RequestBodies;
import org.ucdgba.federation.SoapFaults;
import org.ucdgba.federation.UcdDescriptors;
import org.ucdgba.gba.core.EventDetails;
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
                UcdDescriptors.Endpoints.under(self + "/" + FederationPage.ENDPOINT));
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
            return FederationPages.failure(session, json, FederationError.MESSAGE_REFUSED, null, back());
        }
        String alias = pending.alias();
        String master = slave.masters().displayName(alias);
        UserModel user = session.users().getUserById(realm, pending.userId());
        e.detail(Details.IDENTITY_PROVIDER, alias).detail(EventDetails.MASTER_NAME_ID, pending.partnerName());
        if (user == null) {
            FederationError.USER_GONE.on(e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR), (String) null);
            return FederationPages.failure(session, json, FederationError.USER_GONE, master, back());
        }
        e.user(user);
        if (!response.status().isSuccess()) {
            e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR).detail(EventDetails.STATUS, response.status().code()
                    .getLocalPart() + (response.status().secondLevel() == null ? "" : " " + response.status()
                    .secondLevel().getLocalPart()));
            FederationError.PARTNER_REFUSED.on(e, (String) null);
            return json ? FederationPages.outcome(session, true, Response.Status.FORBIDDEN, "refused", null, null,
                    alias, null) : FederationPages.failure(session, false, FederationError.PARTNER_REFUSED, master,
                    back());
        }
        if (!slave.link(user, pending)) {
            FederationError.LINKED_ELSEWHERE.on(e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR), (String) null);
            return json ? FederationPages.outcome(session, true, Response.Status.CONFLICT, "conflict", null, null,
                    alias, null) : FederationPages.failure(session, false, FederationError.LINKED_ELSEWHERE, master,
                    back());
        }
        e.success();
        return FederationPages.outcome(session, json, Response.Status.OK, "linked", "ucdFederationLinked", master,
                alias, back());
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
                SlaveRenames.Rename rename = SlaveRenames.renaming(session, realm, masterId, request);
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
            return FederationPages.failure(session, false, FederationError.MESSAGE_REFUSED, null, back());
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
            SlaveRenames.Rename rename = SlaveRenames.renaming(session, realm, masterId, received.message());
            var back = rni.buildResponseRedirect(rni.buildResponse(received.message(), rename.decision().status()));
            renamed(masterId, rename);
            return Response.seeOther(back).build();
        } catch (LibertyException ex) {
            refused(event(EventType.FEDERATED_IDENTITY_LINK), EventType.FEDERATED_IDENTITY_LINK_ERROR, ex);
            return FederationPages.failure(session, false, FederationError.MESSAGE_REFUSED, null, back());
        }
    }

    /** Where a termination by redirect ends, this slave's or a master's: nothing to do but say so. */
    @GET
    @Path("fedterm-return")
    @Produces(MediaType.TEXT_HTML)
    public Response terminationReturn() {
        return FederationPages.outcome(session, false, Response.Status.OK, "terminated", "ucdFederationEnded", null,
                null, back());
    }

    private void terminated(String masterId, FederationTerminationNotification notification) {
        Optional<UserModel> user = new SlaveTerminations(session).terminated(masterId, notification);
        user.ifPresent(u -> event(EventType.REMOVE_FEDERATED_IDENTITY).user(u)
                .detail(Details.IDENTITY_PROVIDER, slave.masters().masterByProviderId(masterId)
                        .map(m -> m.model().getAlias()).orElse(masterId))
                .detail(EventDetails.PARTNER_NOTIFIED, "true").success());
    }

    private void renamed(String masterId, SlaveRenames.Rename rename) {
        EventBuilder e = event(EventType.FEDERATED_IDENTITY_LINK).detail(EventDetails.REREGISTERED, "true")
                .detail(Details.IDENTITY_PROVIDER, rename.alias() == null ? masterId : rename.alias());
        if (rename.user() != null) {
            e.user(rename.user());
        }
        if (rename.decision() == Renaming.RENAME) {
            e.detail(EventDetails.PREVIOUS_MASTER_NAME_ID, rename.federation().getPartnerNameId())
                    .detail(EventDetails.MASTER_NAME_ID, rename.renamed());
            SlaveRenames.apply(session, realm, rename);
            e.success();
        } else if (rename.decision().status().isSuccess()) {
            // Done already: the master asks again, having missed the answer.
            e.detail(EventDetails.MASTER_NAME_ID, rename.renamed()).detail(EventDetails.STATUS,
                    rename.decision().code()).success();
        } else {
            e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR).error("liberty_" + rename.decision().code());
        }
    }

    /** The one refusal path: the event says why; the caller answers with a page or a SOAP fault. */
    private static void refused(EventBuilder e, EventType type, LibertyException ex) {
        FederationError.MESSAGE_REFUSED.on(e.event(type), ex);
    }

    /** Where the pages link back to: the federation page. */
    private String back() {
        return SlaveService.providerId(session, realm) + "/";
    }


    private String rawQuery() {
        return Optional.ofNullable(session.getContext().getUri().getRequestUri().getRawQuery()).orElse("");
    }
}
