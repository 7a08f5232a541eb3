package org.ucdgba.federation;

import java.time.Duration;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.timer.TimerProvider;
import org.ucdgba.federation.admin.SlavePage;
import org.ucdgba.federation.master.MasterProtocol;
import org.ucdgba.federation.master.MasterService;
import org.ucdgba.federation.slave.SlaveService;
import org.ucdgba.federation.store.FederationEntity;
import org.ucdgba.federation.store.FederationStore;
import org.ucdgba.federation.store.Federations;
import org.ucdgba.liberty.NameIdentifier;
import org.ucdgba.liberty.metadata.Profile;

/**
 * What the server's own life does to federations: once the database is ready, the {@link TerminationOutbox} is
 * scheduled and its gauge registered ({@link FederationMeters}); a removed user's federations end, each partner
 * told through the outbox; a removed slave client's federations end with it, and so does its admin console entry.
 */
final class FederationLifecycle {

    private static final Logger LOG = Logger.getLogger(FederationLifecycle.class);

    private FederationLifecycle() {
    }

    /** Registers the reactions with the session factory; the outbox runs every {@code retryInterval}. */
    static void register(KeycloakSessionFactory factory, Duration retryInterval) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, s -> s.getProvider(TimerProvider.class).scheduleTask(
                        new TerminationOutbox(retryInterval), retryInterval.toMillis(), TerminationOutbox.TASK));
                FederationMeters.register(factory);
            } else if (event instanceof UserModel.UserRemovedEvent removed) {
                userRemoved(removed.getKeycloakSession(), removed.getRealm(), removed.getUser().getId());
            } else if (event instanceof ClientModel.ClientRemovedEvent removed
                    && MasterProtocol.ID.equals(removed.getClient().getProtocol())) {
                Federations.of(removed.getKeycloakSession(), removed.getClient().getRealm())
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
        Federations store = Federations.of(session, realm);
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
                session.getProvider(FederationStore.class).queueTermination(realm, self, f.getPartnerId(),
                        master ? Profile.FEDTERM_IDP_SOAP : Profile.FEDTERM_SP_SOAP,
                        NameIdentifier.federated(f.getPartnerNameId(), f.getPartnerId()), Duration.ZERO);
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
}
