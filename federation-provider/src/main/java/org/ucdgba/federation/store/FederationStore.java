package org.ucdgba.federation.store;

import java.time.Duration;
import java.util.List;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;
import org.ucdgba.liberty.NameIdentifier;
import org.ucdgba.liberty.metadata.Profile;

/**
 * Where federations and the terminations still to be told live: the provider of SPI {@value FederationStoreSpi#NAME}
 * (its implementation {@code jpa} keeps them in Keycloak's database, tables UCD_FEDERATION and
 * UCD_PENDING_TERMINATION), in the session's transaction.
 */
public interface FederationStore extends Provider {

    /** A realm's federations. */
    Federations federations(RealmModel realm);

    /** Queues a termination of a federation that ends in the current transaction, first sent after {@code delay}. */
    void queueTermination(RealmModel realm, String selfId, String partnerId, Profile profile, NameIdentifier name,
                          Duration delay);

    /** Drops the queued terminations of a partner account (each names it as the partner issued it). */
    void cancelTerminations(RealmModel realm, String partnerId, String nameId);

    /** The identifiers of up to {@code max} queued terminations due at {@code now}, the oldest first. */
    List<String> dueTerminations(long now, int max);

    /** How many terminations are queued, in every realm (the same number on every node of a cluster). */
    long pendingTerminations();

    /** A queued termination, or null when it was delivered meanwhile. */
    PendingTerminationEntity termination(String id);

    /** Removes a queued termination (delivered, or given up). */
    void removeTermination(PendingTerminationEntity termination);
}
