package org.ucdgba.federation;

import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.timer.TimerProvider;
import org.ucdgba.liberty.NameIdentifier;
import org.ucdgba.liberty.metadata.Profile;

/**
 * Registers the federation entities and their Liquibase changelog with Keycloak's database, schedules the
 * {@link TerminationOutbox} (every {@code termination-retry-seconds}, default 30), and ends a user's or a slave
 * client's federations when the user or the client is removed; the partners of a removed user are told.
 */
public final class FederationJpaProviderFactory implements JpaEntityProviderFactory {

    /** Provider id; also the Liquibase changelog's factory id. */
    public static final String ID = "ucd-federation";
    private static final Logger LOG = Logger.getLogger(FederationJpaProviderFactory.class);

    private Duration retryInterval;

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new JpaEntityProvider() {
            @Override
            public List<Class<?>> getEntities() {
                return List.of(FederationEntity.class, PendingTerminationEntity.class);
            }

            @Override
            public String getChangelogLocation() {
                return "META-INF/ucd-federation-changelog.xml";
            }

            @Override
            public String getFactoryId() {
                return ID;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        retryInterval = Duration.ofSeconds(config.getInt("terminationRetrySeconds", 30));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, s -> s.getProvider(TimerProvider.class).scheduleTask(
                        new TerminationOutbox(retryInterval), retryInterval.toMillis(), TerminationOutbox.TASK));
            } else if (event instanceof UserModel.UserRemovedEvent removed) {
                userRemoved(removed.getKeycloakSession(), removed.getRealm(), removed.getUser().getId());
            } else if (event instanceof ClientModel.ClientRemovedEvent removed
                    && MasterProtocol.ID.equals(removed.getClient().getProtocol())) {
                new FederationStore(removed.getKeycloakSession(), removed.getClient().getRealm())
                        .removePartner(removed.getClient().getClientId());
                SlavePage.clientRemoved(removed.getKeycloakSession(), removed.getClient().getRealm(),
                        removed.getClient().getClientId());
            }
        });
    }

    /**
     * A user's federations end with the user, and each partner is told through the outbox: a slave
     * (fedterm-idp-soap) when this realm is its master, a master (fedterm-sp-soap) when this realm is its slave.
     */
    private static void userRemoved(KeycloakSession session, RealmModel realm, String userId) {
        FederationStore store = new FederationStore(session, realm);
        for (FederationEntity f : store.ofUser(userId)) {
            ClientModel slave = realm.getClientByClientId(f.getPartnerId());
            boolean master = slave != null && MasterProtocol.ID.equals(slave.getProtocol());
            // The ProviderID the federation was made under; for older records, the one of this request if any.
            String self = f.getSelfId() != null ? f.getSelfId() : requestProviderId(session, realm, master);
            if (self == null) {
                LOG.warnf("user %s of realm %s removed outside a request: %s is not told", userId, realm.getName(),
                        f.getPartnerId());
            } else {
                // Named as the partner issued it, as peers expect.
                TerminationOutbox.enqueue(session, realm, self, f.getPartnerId(), master ? Profile.FEDTERM_IDP_SOAP
                        : Profile.FEDTERM_SP_SOAP, NameIdentifier.federated(f.getPartnerNameId(), f.getPartnerId()));
            }
        }
        store.removeUser(userId);
    }

    /** This realm's ProviderID as a master or as a slave, from the request's URL; null outside a request. */
    private static String requestProviderId(KeycloakSession session, RealmModel realm, boolean master) {
        try {
            return master ? MasterService.providerId(session, realm) : SlaveService.providerId(session, realm);
        } catch (RuntimeException e) {
            // Keycloak's context has no request URL outside a request (it throws rather than answering null).
            return null;
        }
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
