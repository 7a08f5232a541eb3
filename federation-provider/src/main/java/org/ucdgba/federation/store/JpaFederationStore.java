package org.ucdgba.federation.store;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.keycloak.models.RealmModel;
import org.ucdgba.liberty.NameIdentifier;
import org.ucdgba.liberty.metadata.Profile;

/** {@link FederationStore} over the session's JPA entity manager. */
final class JpaFederationStore implements FederationStore {

    private final EntityManager em;

    JpaFederationStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public Federations federations(RealmModel realm) {
        return new JpaFederations(em, realm);
    }

    @Override
    public void queueTermination(RealmModel realm, String selfId, String partnerId, Profile profile,
                                 NameIdentifier name, Duration delay) {
        PendingTerminationEntity t = new PendingTerminationEntity();
        t.setId(UUID.randomUUID().toString());
        t.setRealmId(realm.getId());
        t.setSelfId(selfId);
        t.setPartnerId(partnerId);
        t.setProfile(profile.name());
        t.setNameId(name.value());
        t.setNameQualifier(name.nameQualifier());
        t.setNextAttempt(System.currentTimeMillis() + delay.toMillis());
        em.persist(t);
    }

    @Override
    public void cancelTerminations(RealmModel realm, String partnerId, String nameId) {
        em.createNamedQuery("ucdDeletePendingTerminations").setParameter("realmId", realm.getId())
                .setParameter("partnerId", partnerId).setParameter("nameId", nameId).executeUpdate();
    }

    @Override
    public List<String> dueTerminations(long now, int max) {
        return em.createNamedQuery("ucdPendingTerminationsDue", String.class).setParameter("now", now)
                .setMaxResults(max).getResultList();
    }

    @Override
    public long pendingTerminations() {
        return em.createNamedQuery("ucdPendingTerminationsCount", Long.class).getSingleResult();
    }

    @Override
    public PendingTerminationEntity termination(String id) {
        return em.find(PendingTerminationEntity.class, id);
    }

    @Override
    public void removeTermination(PendingTerminationEntity termination) {
        em.remove(termination);
    }

    @Override
    public void close() {
    }
}
