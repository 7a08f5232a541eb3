package org.ucdgba.federation;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.ucdgba.liberty.NameIdentifier;
import org.ucdgba.liberty.profile.NameLookup;

/**
 * A realm's federations in Keycloak's database, in the request's transaction: at a master, each slave account
 * federated with a user (seed step 6); at a slave, the name identifier each link was made with, so that a renamed
 * account keeps its federation (the link itself is the user's federated identity, step 9).
 */
public final class FederationStore {

    private final EntityManager em;
    private final RealmModel realm;

    /** The store of a realm. */
    public FederationStore(KeycloakSession session, RealmModel realm) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.realm = realm;
    }

    /**
     * Records, or renews, the federation of a user with a partner (one per user and partner), made by this realm
     * as ProviderID {@code selfId}. A left-over record of the same partner account for another user (a link that
     * ended without this side being told; the partner has just shown that it holds none) is removed first, and
     * flushed, since the partner account is unique.
     */
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

    /** The federation of a local account with a partner, named by this side's name identifier. */
    public Optional<FederationEntity> byLocalName(String partnerId, String nameId) {
        return em.createNamedQuery("ucdFederationByLocalName", FederationEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("partnerId", partnerId)
                .setParameter("name", nameId).getResultStream().findFirst();
    }

    /**
     * The federation with a partner that a received name identifier names: either side's name, this side's first
     * unless the qualifier names the partner ({@link NameLookup}).
     */
    public Optional<FederationEntity> named(String partnerId, NameIdentifier name) {
        return named(partnerId, name, f -> true);
    }

    /** The same, among the federations that also pass {@code filter}. */
    public Optional<FederationEntity> named(String partnerId, NameIdentifier name, Predicate<FederationEntity> filter) {
        for (NameLookup.Issuer issuer : NameLookup.order(name, partnerId)) {
            Optional<FederationEntity> f = (issuer == NameLookup.Issuer.SELF ? byLocalName(partnerId, name.value())
                    : byPartnerName(partnerId, name.value())).filter(filter);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
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
