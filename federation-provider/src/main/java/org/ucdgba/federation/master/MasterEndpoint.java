package org.ucdgba.federation.master;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Locale;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.protocol.AuthorizationEndpointBase;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.ErrorPage;
import org.keycloak.services.messages.Messages;
import org.keycloak.services.util.AuthenticationFlowURLHelper;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.ucdgba.federation.FederationError;
import org.ucdgba.federation.LibertyKeys;
import org.ucdgba.federation.RequestBodies;
import org.ucdgba.federation.SoapFaults;
import org.ucdgba.federation.UcdDescriptors;
import org.ucdgba.gba.core.EventDetails;
import org.ucdgba.liberty.FederationTerminationNotification;
import org.ucdgba.liberty.Liberty;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.LibertyMessage;
import org.ucdgba.liberty.RegisterNameIdentifierRequest;
import org.ucdgba.liberty.Status;
import org.ucdgba.liberty.binding.QueryString;
import org.ucdgba.liberty.binding.SoapBinding;
import org.ucdgba.liberty.metadata.MetadataXml;
import org.ucdgba.liberty.metadata.ProviderMetadata;
import org.ucdgba.liberty.profile.Exchange;
import org.ucdgba.liberty.profile.FederationTermination;
import org.ucdgba.liberty.profile.NameRegistration;
import org.ucdgba.liberty.profile.Renaming;

/**
 * The master's Liberty endpoints under {@code /realms/{realm}/protocol/liberty-idff}: {@code rni} takes a slave's
 * RegisterNameIdentifierRequest by HTTP-Redirect (seed step 5) and starts the realm's browser flow for the named
 * master account; {@code fedterm} and {@code soap} take a slave's FederationTerminationNotification, {@code soap}
 * also a RegisterNameIdentifierRequest for an existing federation; {@code
 * metadata} publishes this master's ID-FF metadata. Each request is verified against the registered slave only.
 */
public final class MasterEndpoint extends AuthorizationEndpointBase {

    /** The longest name identifier a federation records (UCD_FEDERATION). */
    private static final int MAX_NAME = 255;

    MasterEndpoint(KeycloakSession session, EventBuilder event) {
        super(session, event);
    }

    private Exchange exchange() {
        return master().exchange();
    }

    /** RegisterNameIdentifierRequest, rni-sp-http (seed step 5, then 4.1-4.3 in the browser flow). */
    @GET
    @Path("rni")
    public Response registerNameIdentifier() {
        checkSsl();
        checkRealm();
        event.event(EventType.FEDERATED_IDENTITY_LINK);
        Exchange.Received<RegisterNameIdentifierRequest> received;
        try {
            received = new NameRegistration(exchange()).processRequestRedirect(rawQuery());
        } catch (LibertyException e) {
            return refuse(e, EventType.FEDERATED_IDENTITY_LINK_ERROR);
        }
        RegisterNameIdentifierRequest request = received.message();
        ClientModel slave = realm.getClientByClientId(received.partner().providerId());
        String slaveName = request.spProvided() != null ? request.spProvided().value() : request.oldProvided().value();
        if (slaveName.length() > MAX_NAME || request.idpProvided().value().length() > MAX_NAME) {
            // A federation records both names (255 characters each): refused before anyone logs in.
            event.event(EventType.FEDERATED_IDENTITY_LINK_ERROR).client(slave).error("liberty_name_too_long");
            return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, Messages.INVALID_REQUEST);
        }
        RequiredActionProviderModel consent = realm.getRequiredActionProviderByAlias(FederationConsent.ID);
        if (consent == null || !consent.isEnabled()) {
            // Without the user's confirmation a forged link could federate a victim's account: refuse.
            event.event(EventType.FEDERATED_IDENTITY_LINK_ERROR).client(slave)
                    .detail(Details.REASON, "required action " + FederationConsent.ID + " is not enabled")
                    .error("liberty_not_configured");
            return ErrorPage.error(session, null, Response.Status.SERVICE_UNAVAILABLE, Messages.INVALID_REQUEST);
        }
        AuthenticationSessionModel authSession = createAuthenticationSession(slave, request.relayState());
        authSession.setProtocol(MasterProtocol.ID);
        authSession.setAction(AuthenticationSessionModel.Action.AUTHENTICATE.name());
        authSession.setRedirectUri(received.partner().metadata().registerNameIdentifierReturnUrl());
        String account = request.idpProvided().value().toLowerCase(Locale.ROOT);
        authSession.setClientNote(MasterProtocol.NOTE_REQUEST_ID, request.requestId());
        authSession.setClientNote(MasterProtocol.NOTE_MASTER_ACCOUNT, account);
        authSession.setClientNote(MasterProtocol.NOTE_SLAVE_NAME, slaveName);
        if (request.relayState() != null) {
            authSession.setClientNote(MasterProtocol.NOTE_RELAY_STATE, request.relayState());
        }
        // The login form starts with the master account the slave named; after it, the user confirms.
        authSession.setClientNote(OIDCLoginProtocol.LOGIN_HINT_PARAM, account);
        authSession.addRequiredAction(FederationConsent.ID);
        // The flow runs at its login-actions URL, so that a device answering a challenge (GBA, SPNEGO) repeats
        // that URL and not the single-use request.
        return Response.seeOther(new AuthenticationFlowURLHelper(session, realm, session.getContext().getUri())
                .getLastExecutionUrl(authSession)).build();
    }

    /** FederationTerminationNotification by HTTP-Redirect (fedterm-sp-http). */
    @GET
    @Path("fedterm")
    public Response terminateByRedirect() {
        checkRealm();
        try {
            FederationTermination profile = new FederationTermination(exchange());
            Exchange.Received<FederationTerminationNotification> received = profile.processRedirect(rawQuery());
            terminate(received);
            if (received.partner().metadata().federationTerminationReturnUrl() == null) {
                // A slave registered without a return URL: the user agent stays here.
                return session.getProvider(LoginFormsProvider.class).setInfo("ucdFederationEnded")
                        .createInfoPage();
            }
            return Response.seeOther(profile.returnUrl(received)).build();
        } catch (LibertyException e) {
            return refuse(e, EventType.REMOVE_FEDERATED_IDENTITY_ERROR);
        }
    }

    /**
     * The SOAP endpoint: a FederationTerminationNotification (fedterm-sp-soap; one-way, 204), or a
     * RegisterNameIdentifierRequest (rni-sp-soap) that gives an existing federation the slave's new name identifier,
     * answered with a signed RegisterNameIdentifierResponse. A new federation is never made here: the master must
     * authenticate the user (seed step 4), which takes the user agent. A SOAP fault for what cannot be verified.
     */
    @POST
    @Path("soap")
    @Consumes({MediaType.TEXT_XML, SoapBinding.SOAP12_MEDIA_TYPE})
    public Response soap(InputStream body) {
        checkRealm();
        try {
            Exchange.Received<LibertyMessage> received = exchange().receiveSoap(RequestBodies.read(body),
                    LibertyMessage.class);
            if (received.message() instanceof RegisterNameIdentifierRequest request) {
                return reRegister(received.partner().providerId(), request);
            }
            if (received.message() instanceof FederationTerminationNotification notification) {
                terminate(new Exchange.Received<>(received.partner(), notification));
                return Response.noContent().build();
            }
            throw new LibertyException(LibertyException.Reason.MALFORMED, "not a request this endpoint takes");
        } catch (LibertyException e) {
            event.event(EventType.REMOVE_FEDERATED_IDENTITY_ERROR).detail(Details.REASON, e.getMessage())
                    .error("liberty_" + e.reason().name().toLowerCase(Locale.ROOT));
            return SoapFaults.fault(e);
        }
    }

    /** The user's federations ({@link MasterFederationsApi}). */
    @Path("federations")
    public MasterFederationsApi federations() {
        checkRealm();
        return new MasterFederationsApi(session, realm, event);
    }

    /** The person's page of their federations ({@link MasterFederationsPage}). */
    @Path("page")
    public MasterFederationsPage page() {
        checkRealm();
        return new MasterFederationsPage(session, realm, event);
    }

    /** Where a slave sends the user agent after the master's termination by redirect (fedterm-idp-http). */
    @GET
    @Path("fedterm-return")
    public Response terminationReturn() {
        checkRealm();
        return session.getProvider(LoginFormsProvider.class).setInfo("ucdFederationEnded").createInfoPage();
    }

    /** A slave's RegisterNameIdentifierResponse to the master's renaming by redirect (rni-idp-http). */
    @GET
    @Path("rni-return")
    public Response registerNameIdentifierReturn() {
        checkRealm();
        try {
            boolean taken = new MasterService(session, realm).renamedByRedirect(rawQuery(),
                    QueryString.parse(rawQuery()).get("InResponseTo"));
            EventBuilder e = event.event(EventType.FEDERATED_IDENTITY_LINK).detail(EventDetails.REREGISTERED, "true");
            if (!taken) {
                e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR).error(FederationError.PARTNER_REFUSED
                        .eventError(null));
                return ErrorPage.error(session, null, Response.Status.FORBIDDEN, Messages.INVALID_REQUEST);
            }
            e.success();
            return session.getProvider(LoginFormsProvider.class).setInfo("ucdFederationRenamed").createInfoPage();
        } catch (LibertyException e) {
            return refuse(e, EventType.FEDERATED_IDENTITY_LINK_ERROR);
        }
    }

    /** This master's ID-FF metadata (IDPDescriptor), for slaves to register it. */
    @GET
    @Path("metadata")
    @Produces(MediaType.APPLICATION_XML)
    public Response metadata() {
        checkRealm();
        String base = MasterService.providerId(session, realm);
        ProviderMetadata m = UcdDescriptors.master(base, LibertyKeys.realmKeys(session, realm).certificate(),
                UcdDescriptors.Endpoints.under(base));
        return Response.ok(MetadataXml.write(m), MediaType.APPLICATION_XML_TYPE).build();
    }

    /**
     * rni-sp-soap: the federation named by the master account (IDPProvidedNameIdentifier) and the former name
     * (OldProvidedNameIdentifier) now knows the slave account as SPProvidedNameIdentifier.
     */
    private Response reRegister(String slave, RegisterNameIdentifierRequest request) throws LibertyException {
        MasterService.Rename rename = master().renaming(slave, request);
        // The answer is built before anything changes, so a failure to build it changes nothing.
        NameRegistration rni = new NameRegistration(exchange());
        String answer = rni.buildResponseSoap(rni.buildResponse(request, rename.decision().status()));
        EventBuilder e = event.event(EventType.FEDERATED_IDENTITY_LINK).client(slave)
                .detail(EventDetails.REREGISTERED, "true");
        if (rename.federation() != null) {
            e.user(rename.federation().getUserId());
        }
        if (rename.decision() == Renaming.RENAME) {
            e.detail(EventDetails.PREVIOUS_SLAVE_NAME_ID, rename.federation().getPartnerNameId())
                    .detail(EventDetails.SLAVE_NAME_ID, rename.renamed());
            MasterService.apply(rename);
            e.success();
        } else if (rename.decision().status().isSuccess()) {
            // Done already: the slave asks again, having missed the answer.
            e.detail(EventDetails.SLAVE_NAME_ID, rename.renamed()).detail(EventDetails.STATUS,
                    rename.decision().code()).success();
        } else {
            e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR).error("liberty_" + rename.decision().code());
        }
        return Response.ok(answer, SoapBinding.CONTENT_TYPE).build();
    }

    private void terminate(Exchange.Received<FederationTerminationNotification> received) {
        String slave = received.partner().providerId();
        master().terminated(slave, received.message()).ifPresent(f -> event.event(EventType.REMOVE_FEDERATED_IDENTITY)
                .client(slave).user(f.getUserId()).detail(EventDetails.SLAVE_NAME_ID, f.getPartnerNameId())
                .detail(EventDetails.NAMED, received.message().nameIdentifier().value()).success());
    }

    private MasterService master() {
        return new MasterService(session, realm);
    }

    private Response refuse(LibertyException e, EventType type) {
        event.event(type).detail(Details.REASON, e.getMessage())
                .error("liberty_" + e.reason().name().toLowerCase(Locale.ROOT));
        return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, Messages.INVALID_REQUEST);
    }

    private String rawQuery() {
        String q = session.getContext().getUri().getRequestUri().getRawQuery();
        return q == null ? "" : q;
    }
}
