package org.ucdgba.federation.master;

import java.util.Map;
import org.keycloak.Config;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.protocol.LoginProtocolFactory;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;

/**
 * Registers the login protocol {@value MasterProtocol#ID}: {@link MasterProtocol} answers the slaves once a login
 * is done, {@link MasterEndpoint} takes their messages at {@code /realms/{realm}/protocol/liberty-idff}. Slave
 * clients carry no protocol mappers and no client scopes: a federation releases no claims. A user's consent to a
 * slave stands for the federation ({@link SlaveConsents}).
 */
public final class MasterProtocolFactory implements LoginProtocolFactory {

    @Override
    public LoginProtocol create(KeycloakSession session) {
        return new MasterProtocol().setSession(session);
    }

    @Override
    public Object createProtocolEndpoint(KeycloakSession session, EventBuilder event) {
        return new MasterEndpoint(session, event);
    }

    @Override
    public Map<String, ProtocolMapperModel> getBuiltinMappers() {
        return Map.of();
    }

    @Override
    public void createDefaultClientScopes(RealmModel newRealm, boolean addScopesToExistingClients) {
    }

    @Override
    public void setupClientDefaults(ClientRepresentation rep, ClientModel newClient) {
    }

    @Override
    public void addClientScopeDefaults(ClientScopeRepresentation clientRep) {
    }

    /**
     * A user's consent to a client was withdrawn (Account Console, Applications; or the user's Consents tab): when
     * the client is a slave, the user's federation with it ends ({@link SlaveConsents}). Keycloak asks every
     * protocol about every client's consent.
     */
    @Override
    public void onConsentRevoked(KeycloakSession session, ClientModel client, UserModel user) {
        if (MasterProtocol.ID.equals(client.getProtocol())) {
            SlaveConsents.withdrawn(session, client.getRealm(), user, client);
        }
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public String getId() {
        return MasterProtocol.ID;
    }

    @Override
    public void close() {
    }
}
