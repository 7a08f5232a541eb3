package org.ucdgba.federation.store;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.keycloak.models.RealmModel;

/** A realm's {@link Federations} in Keycloak's database, through the session's JPA entity manager. */
final class JpaFederations implements Federations {

    private final EntityManager em;
    private final RealmModel realm;

    JpaFederations(EntityManager em, RealmModel realm) {
        this.em = em;
        this.realm = realm;
    }

    @Override
    public FederationEntity link(String selfId, String userId, String partnerId, String localNameId,
                                 String partnerNameId) {
        byPartnerName(partnerId, partnerNameId).filter(stale -> !stale.getUserId().equals(userId))
                .ifPresent(stale -> {
                    em.remove(stale);
                    em.flush();
                });
        FederationEntity f = em.createNamedQuery("ucdFederationOfUserAndPartner", FederationEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("userId", userId)
                .setParameter("partnerId", partnerId).getResultStream().findFirst().orElse(null);
        if (f == null) {
            f = new FederationEntity();
            f.setId(UUID.randomUUID().toString());
            f.setRealmId(realm.getId());
            f.setUserId(userId);
            f.setPartnerId(partnerId);
            f.setCreatedTimestamp(System.currentTimeMillis());
            f.setLocalNameId(localNameId);
            f.setPartnerNameId(partnerNameId);
            f.setSelfId(selfId);
            em.persist(f);
        } else {
            f.setLocalNameId(localNameId);
            f.setPartnerNameId(partnerNameId);
            f.setSelfId(selfId);
        }
        return f;
    }

    @Override
    public List<FederationEntity> ofUser(String userId) {
        return em.createNamedQuery("ucdFederationsOfUser", FederationEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("userId", userId).getResultList();
    }

    @Override
    public List<FederationEntity> ofPartner(String partnerId) {
        return em.createNamedQuery("ucdFederationsOfPartner", FederationEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("partnerId", partnerId).getResultList();
    }

    @Override
    public Optional<FederationEntity> byPartnerName(String partnerId, String nameId) {
        return em.createNamedQuery("ucdFederationByPartnerName", FederationEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("partnerId", partnerId)
                .setParameter("name", nameId).getResultStream().findFirst();
    }

    @Override
    public Optional<FederationEntity> byLocalName(String partnerId, String nameId) {
        return em.createNamedQuery("ucdFederationByLocalName", FederationEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("partnerId", partnerId)
                .setParameter("name", nameId).getResultStream().findFirst();
    }

    @Override
    public void remove(FederationEntity federation) {
        em.remove(federation);
    }

    @Override
    public void removeUser(String userId) {
        em.createNamedQuery("ucdDeleteFederationsOfUser").setParameter("realmId", realm.getId())
                .setParameter("userId", userId).executeUpdate();
    }

    @Override
    public void removePartner(String partnerId) {
        em.createNamedQuery("ucdDeleteFederationsOfPartner").setParameter("realmId", realm.getId())
                .setParameter("partnerId", partnerId).executeUpdate();
    }
}
