package org.ucdgba.federation.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.ucdgba.liberty.NameIdentifier;
import org.ucdgba.liberty.profile.NameLookup;

/**
 * A realm's federations, in the request's transaction: at a master, each slave account federated with a user
 * (seed step 6); at a slave, the name identifiers each link was made with, so that a renamed account keeps its
 * federation (the link itself is the user's federated identity, step 9). One per user and partner, and per
 * partner account. Obtained from the {@link FederationStore} provider.
 */
public interface Federations {

    /** The federations of a realm, from the session's {@link FederationStore}. */
    static Federations of(KeycloakSession session, RealmModel realm) {
        return session.getProvider(FederationStore.class).federations(realm);
    }

    /**
     * Records, or renews, the federation of a user with a partner, made by this realm as ProviderID
     * {@code selfId}. A left-over record of the same partner account for another user (a link that ended without
     * this side being told; the partner has just shown that it holds none) is removed first.
     */
    FederationEntity link(String selfId, String userId, String partnerId, String localNameId, String partnerNameId);

    /** The federations of a user. */
    List<FederationEntity> ofUser(String userId);

    /** The federations with a partner. */
    List<FederationEntity> ofPartner(String partnerId);

    /** The federation with a partner's account, named by the partner's name identifier. */
    Optional<FederationEntity> byPartnerName(String partnerId, String nameId);

    /** The federation of a local account with a partner, named by this side's name identifier. */
    Optional<FederationEntity> byLocalName(String partnerId, String nameId);

    /** Removes one federation. */
    void remove(FederationEntity federation);

    /** Removes every federation of a user (the user was removed). */
    void removeUser(String userId);

    /** Removes every federation with a partner (its client was removed). */
    void removePartner(String partnerId);

    /**
     * The federation with a partner that a received name identifier names, looked for among this side's names
     * ({@link NameLookup.Issuer#SELF}) and the partner's in the given order, the first that passes {@code filter}.
     */
    default Optional<FederationEntity> named(String partnerId, NameIdentifier name, List<NameLookup.Issuer> order,
                                             Predicate<FederationEntity> filter) {
        for (NameLookup.Issuer issuer : order) {
            Optional<FederationEntity> f = (issuer == NameLookup.Issuer.SELF ? byLocalName(partnerId, name.value())
                    : byPartnerName(partnerId, name.value())).filter(filter);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }
}
