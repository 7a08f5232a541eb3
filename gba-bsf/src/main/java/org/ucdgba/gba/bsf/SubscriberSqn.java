package org.ucdgba.gba.bsf;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.jpa.entities.CredentialEntity;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.ucdgba.gba.core.aka.Sqn;

/**
 * The home environment's SQN of one subscriber (TS 33.102 Annex C.1.1.2, a counter per subscriber; IND cycled as
 * in C.1.2) advanced in a short transaction of its own under a database row lock, so that concurrent Ub requests
 * on any node of a cluster never hand out one SQN twice and never fail on a concurrent update: the subscriber's
 * CREDENTIAL row is re-read with {@code SELECT ... FOR UPDATE}, the next SQN is written through Keycloak's
 * credential manager (which also drops the cached user on every node), and the transaction commits before the
 * SQN is handed out. See docs/decisions/0009-sqn-challenges-and-throttling.md.
 */
final class SubscriberSqn {

    private SubscriberSqn() {
    }

    /**
     * Applies {@code step} to SQN_HE as stored now and stores the result; returns the credential as committed (K,
     * OPc, AMF and the new SQN), empty when it was removed or made unusable since the subscriber was read.
     */
    static Optional<AkaCredentialModel> advance(KeycloakSession session, Subscriber subscriber, UnaryOperator<Sqn> step) {
        String realmId = session.getContext().getRealm().getId();
        String userId = subscriber.user().getId();
        String credentialId = subscriber.stored().getId();
        return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), s -> {
            EntityManager em = s.getProvider(JpaConnectionProvider.class).getEntityManager();
            CredentialEntity row = em.find(CredentialEntity.class, credentialId, LockModeType.PESSIMISTIC_WRITE);
            RealmModel realm = s.realms().getRealm(realmId);
            if (realm == null) {
                return Optional.empty();
            }
            s.getContext().setRealm(realm);
            UserModel user = s.users().getUserById(realm, userId);
            if (row == null || user == null) {
                return Optional.empty();
            }
            AkaCredentialModel current;
            try {
                current = AkaCredentialModel.createFromCredentialModel(model(row));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            current.setSqn(step.apply(current.sqn()));
            user.credentialManager().updateStoredCredential(current);
            return Optional.of(current);
        });
    }

    /**
     * The statements of {@link #advance} for an IMPI without a subscription, in a transaction of its own: the same
     * locking read and update, on a row id that exists nowhere, so that a decoy costs the database about what a
     * real challenge does.
     */
    static void decoy(KeycloakSession session) {
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
            EntityManager em = s.getProvider(JpaConnectionProvider.class).getEntityManager();
            String nowhere = UUID.randomUUID().toString();
            em.find(CredentialEntity.class, nowhere, LockModeType.PESSIMISTIC_WRITE);
            em.createQuery("update CredentialEntity c set c.secretData = c.secretData where c.id = :id")
                    .setParameter("id", nowhere).executeUpdate();
        });
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
