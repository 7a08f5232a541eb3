package org.ucdgba.gba.bsf;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.jpa.entities.CredentialEntity;
import org.ucdgba.gba.core.aka.Sqn;

/**
 * The home environment's SQN of one subscriber (TS 33.102 Annex C.1.1.2, a counter per subscriber; IND cycled as
 * in C.1.2) advanced under a database row lock, so that concurrent Ub requests on any node of a cluster never hand
 * out one SQN twice and never fail on a concurrent update: the subscriber's CREDENTIAL row is re-read with
 * {@code SELECT ... FOR UPDATE}, the next SQN is written through Keycloak's credential manager (which also drops
 * the cached user on every node), and the lock is held until the request's transaction commits. See
 * docs/decisions/0009-sqn-and-throttling.md.
 */
final class SubscriberSqn {

    private SubscriberSqn() {
    }

    /**
     * Applies {@code step} to SQN_HE as stored now and stores the result, which is returned; empty when the
     * credential was removed or made unusable since the subscriber was read.
     */
    static Optional<Sqn> advance(KeycloakSession session, Subscriber subscriber, UnaryOperator<Sqn> step) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        CredentialEntity row = em.find(CredentialEntity.class, subscriber.stored().getId());
        if (row == null) {
            return Optional.empty();
        }
        // Refresh, not find with a lock: the row may already sit in this request's persistence context, stale.
        em.refresh(row, LockModeType.PESSIMISTIC_WRITE);
        AkaCredentialModel current;
        try {
            current = AkaCredentialModel.createFromCredentialModel(model(row));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Sqn next = step.apply(current.sqn());
        current.setSqn(next);
        subscriber.user().credentialManager().updateStoredCredential(current);
        return Optional.of(next);
    }

    private static CredentialModel model(CredentialEntity row) {
        CredentialModel m = new CredentialModel();
        m.setId(row.getId());
        m.setType(row.getType());
        m.setUserLabel(row.getUserLabel());
        m.setCreatedDate(row.getCreatedDate());
        m.setSecretData(row.getSecretData());
        m.setCredentialData(row.getCredentialData());
        return m;
    }
}
