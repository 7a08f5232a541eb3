package org.ucdgba.federation.admin;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.ClientManager;
import org.keycloak.services.managers.RealmManager;
import org.ucdgba.federation.master.ClientPartners;
import org.ucdgba.federation.master.MasterProtocol;

/**
 * Registering a slave at a master realm: the client of protocol {@value MasterProtocol#ID} whose client id is the
 * slave's ProviderID, holding its metadata (see {@link ClientPartners}). One path for every way an administrator
 * registers a slave: the admin REST extension and the admin console page.
 */
final class SlaveClients {

    /** Client attribute: the id of the admin console entry that registered the slave, if it was one. */
    private static final String PAGE = "liberty.page";

    private SlaveClients() {
    }

    /**
     * Creates or updates the slave's client; {@code page}, when not null, is the admin console entry that owns it.
     *
     * @throws IllegalArgumentException when a client of another protocol has the slave's ProviderID as client id
     */
    static Registered register(KeycloakSession session, RealmModel realm, PartnerConfig.Described slave,
                               String sigAlg, String name, String page) {
        String providerId = slave.metadata().providerId();
        ClientModel client = realm.getClientByClientId(providerId);
        boolean created = client == null;
        if (created) {
            client = session.clients().addClient(realm, providerId);
        } else if (!MasterProtocol.ID.equals(client.getProtocol())) {
            throw new IllegalArgumentException("a client of another protocol has this client id");
        }
        client.setProtocol(MasterProtocol.ID);
        client.setEnabled(true);
        client.setPublicClient(false);
        client.setStandardFlowEnabled(false);
        client.setName(name == null || name.isBlank() ? providerId : name);
        client.setAttribute(ClientPartners.METADATA, slave.document());
        client.setAttribute(ClientPartners.SIG_ALG, sigAlg);
        if (page != null) {
            client.setAttribute(PAGE, page);
        }
        return new Registered(client, created);
    }

    /** The admin console entry that owns a slave's client, if any. */
    static String page(ClientModel client) {
        return client.getAttribute(PAGE);
    }

    /** Removes the slave's client, and so its federations, when the given admin console entry owns it. */
    static void removeOwned(KeycloakSession session, RealmModel realm, String providerId, String page) {
        ClientModel client = providerId == null ? null : realm.getClientByClientId(providerId);
        if (client != null && MasterProtocol.ID.equals(client.getProtocol()) && page.equals(page(client))) {
            new ClientManager(new RealmManager(session)).removeClient(realm, client);
        }
    }

    /** A registered slave's client, and whether it was new. */
    record Registered(ClientModel client, boolean created) {
    }
}
