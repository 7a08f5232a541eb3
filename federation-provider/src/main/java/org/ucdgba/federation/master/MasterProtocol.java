package org.ucdgba.federation.master;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ClientData;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.services.ErrorPage;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.messages.Messages;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.ucdgba.federation.FederationError;
import org.ucdgba.federation.store.FederationEntity;
import org.ucdgba.federation.store.FederationStore;
import org.ucdgba.federation.store.Federations;
import org.ucdgba.gba.core.EventDetails;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.LibertyMessage;
import org.ucdgba.liberty.RegisterNameIdentifierResponse;
import org.ucdgba.liberty.Status;
import org.ucdgba.liberty.profile.NameRegistration;
import org.ucdgba.liberty.profile.NewFederation;

/**
 * The Master UCD server as a Keycloak login protocol, {@value #ID}: slaves are its clients. When the realm's
 * browser flow has authenticated the user a slave's RegisterNameIdentifierRequest asked about (seed steps
 * 4.1-4.3), it checks that the user is the requested master account, records the federation (step 6) and sends
 * the user agent back with a signed RegisterNameIdentifierResponse (step 7). A refusal or a cancelled login goes
 * back as a response with status samlp:Responder / samlp:RequestDenied, and nothing is recorded.
 */
public final class MasterProtocol implements LoginProtocol {

    /** The protocol id of slave clients. */
    public static final String ID = "liberty-idff";
    /** Authentication session notes carrying the request through the login. */
    static final String NOTE_REQUEST_ID = "liberty.requestId";
    static final String NOTE_MASTER_ACCOUNT = "liberty.masterAccount";
    static final String NOTE_SLAVE_NAME = "liberty.slaveName";
    static final String NOTE_RELAY_STATE = "liberty.relayState";

    private static final Logger LOG = Logger.getLogger(MasterProtocol.class);

    private KeycloakSession session;
    private RealmModel realm;
    private EventBuilder event;

    @Override
    public Response authenticated(AuthenticationSessionModel authSession, UserSessionModel userSession,
                                  ClientSessionContext clientSessionCtx) {
        UserModel user = userSession.getUser();
        ClientModel slave = authSession.getClient();
        String requested = authSession.getClientNote(NOTE_MASTER_ACCOUNT);
        String slaveName = authSession.getClientNote(NOTE_SLAVE_NAME);
        EventBuilder e = event.clone().event(EventType.FEDERATED_IDENTITY_LINK).client(slave).user(user)
                .detail(Details.USERNAME, user.getUsername()).detail(EventDetails.SLAVE_NAME_ID, slaveName);
        Federations store = Federations.of(session, realm);
        Optional<FederationEntity> existing = store.ofUser(user.getId()).stream()
                .filter(f -> f.getPartnerId().equals(slave.getClientId())).findFirst();
        NewFederation decision = NewFederation.atIdentityProvider(requested != null
                && requested.toLowerCase(Locale.ROOT).equals(user.getUsername()),
                existing.isPresent() && !existing.get().getPartnerNameId().equals(slaveName));
        Status status = decision.status();
        Response response = respond(authSession, status);
        if (response.getStatus() != Response.Status.SEE_OTHER.getStatusCode()) {
            // No answer could be built for the slave: nothing is recorded.
            e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR).error(FederationError.PARTNER_NOT_USABLE.eventError(null));
            return response;
        }
        if (decision != NewFederation.ALLOWED) {
            e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR).detail(EventDetails.REQUESTED_ACCOUNT, requested)
                    .error("liberty_" + decision.code());
        } else {
            // A record of this slave account with another user is stale (the slave holds no link for it): replaced.
            store.byPartnerName(slave.getClientId(), slaveName).filter(f -> !f.getUserId().equals(user.getId()))
                    .ifPresent(stale -> SlaveConsents.ended(session, realm, stale));
            store.link(MasterService.providerId(session, realm), user.getId(), slave.getClientId(), user.getUsername(),
                    slaveName);
            SlaveConsents.granted(session, realm, user, slave);
            session.getProvider(FederationStore.class).cancelTerminations(realm, slave.getClientId(), slaveName);
            e.success();
        }
        return response;
    }

    @Override
    public Response sendError(AuthenticationSessionModel authSession, Error error, String errorMessage) {
        event.clone().event(EventType.FEDERATED_IDENTITY_LINK_ERROR).client(authSession.getClient())
                .detail(Details.REASON, String.valueOf(errorMessage)).error("liberty_" + error.name().toLowerCase(
                        Locale.ROOT));
        return respond(authSession, new Status(Status.RESPONDER, Status.REQUEST_DENIED));
    }

    /**
     * The signed RegisterNameIdentifierResponse, by redirect to the slave's RegisterNameIdentifierServiceReturnURL;
     * the login's tab is done with.
     */
    private Response respond(AuthenticationSessionModel authSession, Status status) {
        String slaveId = authSession.getClient().getClientId();
        RegisterNameIdentifierResponse response = new RegisterNameIdentifierResponse(LibertyMessage.newId(),
                authSession.getClientNote(NOTE_REQUEST_ID), Instant.now(), slaveId, MasterService.providerId(session,
                        realm),
                status, authSession.getClientNote(NOTE_RELAY_STATE));
        try {
            URI back = new NameRegistration(new MasterService(session, realm).exchange())
                    .buildResponseRedirect(response);
            new AuthenticationSessionManager(session).removeTabIdInAuthenticationSession(realm, authSession);
            return Response.seeOther(back).build();
        } catch (LibertyException | IllegalArgumentException e) {
            LOG.warnf("cannot answer slave %s: %s", slaveId, e.getMessage());
            return ErrorPage.error(session, authSession, Response.Status.BAD_GATEWAY, Messages.INVALID_REQUEST);
        }
    }

    @Override
    public Response sendError(ClientModel client, ClientData clientData, Error error) {
        return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, Messages.INVALID_REQUEST);
    }

    @Override
    public ClientData getClientData(AuthenticationSessionModel authSession) {
        return new ClientData(authSession.getRedirectUri(), null, null, authSession.getClientNote(NOTE_RELAY_STATE));
    }

    /** The master must authenticate the user itself for a federation (seed step 4): no single sign-on. */
    @Override
    public boolean requireReauthentication(UserSessionModel userSession, AuthenticationSessionModel authSession) {
        return true;
    }

    @Override
    public Response backchannelLogout(UserSessionModel userSession, AuthenticatedClientSessionModel clientSession) {
        return Response.noContent().build();
    }

    @Override
    public Response frontchannelLogout(UserSessionModel userSession, AuthenticatedClientSessionModel clientSession) {
        return null;
    }

    @Override
    public Response finishBrowserLogout(UserSessionModel userSession, AuthenticationSessionModel logoutSession) {
        return null;
    }

    @Override
    public LoginProtocol setSession(KeycloakSession session) {
        this.session = session;
        return this;
    }

    @Override
    public LoginProtocol setRealm(RealmModel realm) {
        this.realm = realm;
        return this;
    }

    @Override
    public LoginProtocol setUriInfo(UriInfo uriInfo) {
        return this;
    }

    @Override
    public LoginProtocol setHttpHeaders(HttpHeaders headers) {
        return this;
    }

    @Override
    public LoginProtocol setEventBuilder(EventBuilder event) {
        this.event = event;
        return this;
    }

    @Override
    public void close() {
    }
}
