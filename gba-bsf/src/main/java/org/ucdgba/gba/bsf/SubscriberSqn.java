package org.ucdgba.gba.bsf;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.jpa.entities.CredentialEntity;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.managers.BruteForceProtector;
import org.ucdgba.gba.core.aka.Sqn;

/**
 * The home environment's SQN of one subscriber (TS 33.102 Annex C.1.1.2, a counter per subscriber; IND cycled as
 * in C.1.2) advanced in a short transaction of its own under a database row lock, so that concurrent Ub requests
 * on any node of a cluster never hand out one SQN twice and never fail on a concurrent update: the subscriber's
 * CREDENTIAL row is re-read with {@code SELECT ... FOR UPDATE}, the next SQN is written through Keycloak's
 * credential manager (which also drops the cached user on every node), and the transaction commits before the
 * SQN is handed out. A first request does all its database work in that one transaction, a real one and a decoy
 * alike, and holds no connection of the request's own. See docs/decisions/0009-sqn-challenges-and-throttling.md.
 */
final class SubscriberSqn {

    /**
     * What the database answered for a first request: the subscriber's credential with its new SQN, or the event
     * error saying why there is none (the user id when there is one).
     */
    record Step(String userId, AkaCredentialModel aka, String refusal) {

        static Step refused(String userId, String refusal) {
            return new Step(userId, null, refusal);
        }
    }

    private SubscriberSqn() {
    }

    /**
     * Looks the IMPI's subscriber up and advances its SQN by one step ({@link Sqn#next}); for an IMPI without a
     * usable subscription, or a user locked by Keycloak's brute-force detector, runs the same statements on a row
     * that exists nowhere, so that both cost the database alike.
     */
    static Step forImpi(KeycloakSession session, String impi) {
        String realmId = session.getContext().getRealm().getId();
        return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), s -> {
            RealmModel realm = s.realms().getRealm(realmId);
            s.getContext().setRealm(realm);
            Subscriber.Lookup lookup = Subscriber.byImpi(s, realm, impi);
            String userId = lookup.found().map(sub -> sub.user().getId()).orElse(null);
            String refusal = lookup.found().map(sub -> AuthenticatorUtils.getDisabledByBruteForceEventError(
                    s.getProvider(BruteForceProtector.class), s, realm, sub.user())).orElse(lookup.error());
            if (refusal != null) {
                lockedRow(s, UUID.randomUUID().toString());
                return Step.refused(userId, refusal);
            }
            return step(s, lookup.subscriber().user(), lookup.subscriber().stored().getId(), Sqn::next)
                    .map(aka -> new Step(userId, aka, null))
                    .orElse(Step.refused(userId, BsfErrors.UNUSABLE_CREDENTIAL));
        });
    }

    /**
     * Applies {@code step} to SQN_HE as stored now (a resynchronisation's) and stores the result; returns the
     * credential as committed (K, OPc, AMF and the new SQN), empty when it was removed or made unusable since the
     * subscriber was read.
     */
    static Optional<AkaCredentialModel> advance(KeycloakSession session, Subscriber subscriber,
                                                UnaryOperator<Sqn> step) {
        String realmId = session.getContext().getRealm().getId();
        String userId = subscriber.user().getId();
        String credentialId = subscriber.stored().getId();
        return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), s -> {
            RealmModel realm = s.realms().getRealm(realmId);
            s.getContext().setRealm(realm);
            UserModel user = s.users().getUserById(realm, userId);
            return user == null ? Optional.<AkaCredentialModel>empty() : step(s, user, credentialId, step);
        });
    }

    private static Optional<AkaCredentialModel> step(KeycloakSession s, UserModel user, String credentialId,
                                                     UnaryOperator<Sqn> step) {
        CredentialEntity row = lockedRow(s, credentialId);
        if (row == null) {
            return Optional.empty();
        }
        try {
            AkaCredentialModel current = AkaCredentialModel.createFromCredentialModel(model(row));
            current.setSqn(step.apply(current.sqn()));
            user.credentialManager().updateStoredCredential(current);
            return Optional.of(current);
        } catch (IllegalArgumentException e) {
            // Unreadable, or SQN at its last value (48 bits): the operator must provision the subscriber anew.
            return Optional.empty();
        }
    }

    /**
     * Changes the stored card (suspends or resumes it, say) in the session's transaction, under the same row lock
     * as an SQN step, so that an SQN a concurrent bootstrap wrote is not written back over. Answers whether the
     * card was there and readable.
     */
    static boolean change(KeycloakSession s, UserModel user, String credentialId,
                          Consumer<AkaCredentialModel> change) {
        CredentialEntity row = lockedRow(s, credentialId);
        if (row == null) {
            return false;
        }
        try {
            AkaCredentialModel current = AkaCredentialModel.createFromCredentialModel(model(row));
            change.accept(current);
            user.credentialManager().updateStoredCredential(current);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The row re-read under {@code SELECT ... FOR UPDATE}: a refresh rather than a locking find, since the row may
     * already sit in this persistence context, stale; then a statement that changes nothing, as the update will.
     */
    private static CredentialEntity lockedRow(KeycloakSession s, String credentialId) {
        EntityManager em = s.getProvider(JpaConnectionProvider.class).getEntityManager();
        CredentialEntity row = em.find(CredentialEntity.class, credentialId);
        if (row == null) {
            em.find(CredentialEntity.class, credentialId, LockModeType.PESSIMISTIC_WRITE);
            em.createQuery("update CredentialEntity c set c.secretData = c.secretData where c.id = :id")
                    .setParameter("id", credentialId).executeUpdate();
            return null;
        }
        em.refresh(row, LockModeType.PESSIMISTIC_WRITE);
        return row;
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
