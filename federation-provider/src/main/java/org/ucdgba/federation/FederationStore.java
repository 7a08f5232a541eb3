package org.ucdgba.federation;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** The master realm's federations in Keycloak's database, in the request's transaction. */
public final class FederationStore {

    private final EntityManager em;
    private final RealmModel realm;

    /** The store of a realm. */
    public FederationStore(KeycloakSession session, RealmModel realm) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.realm = realm;
    }

    /** Records, or renews, the federation of a user with a partner (one per user and partner). */
    public FederationEntity link(String userId, String partnerId, String localNameId, String partnerNameId) {
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
            em.persist(f);
        } else {
            f.setLocalNameId(localNameId);
            f.setPartnerNameId(partnerNameId);
        }
        return f;
    }

    /** The federations of a user. */
    public List<FederationEntity> ofUser(String userId) {
        return em.createNamedQuery("ucdFederationsOfUser", FederationEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("userId", userId).getResultList();
    }

    /** The federations with a partner. */
    public List<FederationEntity> ofPartner(String partnerId) {
        return em.createNamedQuery("ucdFederationsOfPartner", FederationEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("partnerId", partnerId).getResultList();
    }

    /** The federation with a partner's account, named by the partner's name identifier. */
    public Optional<FederationEntity> byPartnerName(String partnerId, String nameId) {
        return em.createNamedQuery("ucdFederationByPartnerName", FederationEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("partnerId", partnerId)
                .setParameter("name", nameId).getResultStream().findFirst();
    }

    /** Removes one federation. */
    public void remove(FederationEntity federation) {
        em.remove(federation);
    }

    /** Removes every federation of a user (the user was removed). */
    public void removeUser(String userId) {
        em.createNamedQuery("ucdDeleteFederationsOfUser").setParameter("realmId", realm.getId())
                .setParameter("userId", userId).executeUpdate();
    }

    /** Removes every federation with a partner (its client was removed). */
    public void removePartner(String partnerId) {
        em.createNamedQuery("ucdDeleteFederationsOfPartner").setParameter("realmId", realm.getId())
                .setParameter("partnerId", partnerId).executeUpdate();
    }
}
