package org.ucdgba.federation;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;
import org.ucdgba.federation.master.ClientPartners;
import org.ucdgba.federation.slave.IdpPartners;
import org.ucdgba.federation.store.FederationStore;
import org.ucdgba.federation.store.PendingTerminationEntity;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.NameIdentifier;
import org.ucdgba.liberty.metadata.Profile;
import org.ucdgba.liberty.profile.Partners;

/**
 * Terminations told to a partner later: queued ({@link FederationStore#queueTermination}) in the transaction that
 * ends a federation here, then sent by this scheduled task, again after a doubling delay while the partner cannot be
 * reached, and dropped with a warning after {@value #MAX_ATTEMPTS} attempts or when the partner is no longer
 * configured. One node of a cluster runs it at a time.
 */
public final class TerminationOutbox implements ScheduledTask {

    /** The task's name for Keycloak's timer. */
    static final String TASK = "ucd-termination-outbox";
    private static final Logger LOG = Logger.getLogger(TerminationOutbox.class);
    private static final int MAX_ATTEMPTS = 12;
    private static final int BATCH = 20;
    /** A run starts no new delivery after this, so Keycloak's timer thread, shared by all tasks, moves on. */
    private static final Duration RUN_BUDGET = Duration.ofSeconds(60);
    /** Longer than a run can take: its budget plus one delivery's deadline. */
    private static final int LOCK_SECONDS = 120;
    private static final Duration LONGEST_DELAY = Duration.ofHours(1);

    private final Duration interval;

    /** A task run every {@code interval}, which is also the first retry delay. */
    TerminationOutbox(Duration interval) {
        this.interval = interval;
    }

    /**
     * One node of a cluster at a time delivers (Keycloak's cluster-wide "execute if not executed" lock, held longer
     * than a batch can take), each termination in a transaction of its own.
     */
    @Override
    public void run(KeycloakSession session) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        session.getProvider(ClusterProvider.class).executeIfNotExecuted(TASK, LOCK_SECONDS, () -> {
            List<String> due = session.getProvider(FederationStore.class).dueTerminations(System.currentTimeMillis(),
                    BATCH);
            long stopAt = System.currentTimeMillis() + RUN_BUDGET.toMillis();
            for (String id : due) {
                if (System.currentTimeMillis() > stopAt) {
                    break;
                }
                try {
                    KeycloakModelUtils.runJobInTransaction(factory, s -> deliver(s, id));
                } catch (RuntimeException e) {
                    LOG.warnf("termination %s not processed: %s", id, e.getMessage());
                }
            }
            return null;
        });
    }

    @Override
    public String getTaskName() {
        return TASK;
    }

    private void deliver(KeycloakSession session, String id) {
        FederationStore queue = session.getProvider(FederationStore.class);
        PendingTerminationEntity t = queue.termination(id);
        RealmModel realm = t == null ? null : session.realms().getRealm(t.getRealmId());
        if (t == null || realm == null) {
            if (t != null) {
                queue.removeTermination(t);
            }
            return;
        }
        session.getContext().setRealm(realm);
        Profile profile = Profile.valueOf(t.getProfile());
        // The partner account federated again since: this termination is moot, and would end the new federation.
        if (queue.federations(realm).byPartnerName(t.getPartnerId(), t.getNameId()).isPresent()) {
            queue.removeTermination(t);
            return;
        }
        // From a master (fedterm-idp-soap) the partner is a slave client, from a slave a master identity provider.
        Partners partners = profile == Profile.FEDTERM_IDP_SOAP ? new ClientPartners(realm) : new IdpPartners(session);
        try {
            TerminationNotifier.notify(LibertyKeys.exchange(session, realm, t.getSelfId(), partners),
                    t.getPartnerId(), profile, NameIdentifier.federated(t.getNameId(), t.getNameQualifier()));
            queue.removeTermination(t);
        } catch (LibertyException | IOException | RuntimeException e) {
            int attempts = t.getAttempts() + 1;
            boolean unknown = e instanceof LibertyException le
                    && le.reason() == LibertyException.Reason.UNKNOWN_PROVIDER;
            if (unknown || attempts >= MAX_ATTEMPTS) {
                LOG.warnf("gave up telling %s of realm %s that a federation ended (attempt %d): %s",
                        t.getPartnerId(), realm.getName(), attempts, e.getMessage());
                queue.removeTermination(t);
                return;
            }
            LOG.infof("%s of realm %s not told yet that a federation ended (attempt %d): %s", t.getPartnerId(),
                    realm.getName(), attempts, e.getMessage());
            Duration delay = interval.multipliedBy(1L << Math.min(attempts - 1, 20));
            t.setAttempts(attempts);
            t.setNextAttempt(System.currentTimeMillis() + (delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY
                    : delay).toMillis());
        }
    }
}
