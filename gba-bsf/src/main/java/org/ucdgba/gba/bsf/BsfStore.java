package org.ucdgba.gba.bsf;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.ucdgba.gba.core.bootstrap.BTid;

/**
 * Ub challenges and bootstrapping contexts in Keycloak's single-use object store, which is replicated across the
 * cluster and expires entries by itself. Keys are namespaced by realm.
 */
final class BsfStore {

    private final SingleUseObjectProvider store;
    private final String realmId;

    BsfStore(KeycloakSession session, String realmId) {
        this.store = session.singleUseObjects();
        this.realmId = realmId;
    }

    void putChallenge(String nonce, UbChallenge challenge, Duration lifetime) {
        store.put(challengeKey(nonce), lifetime.toSeconds(), challenge.toNotes());
    }

    /** Removes and returns the challenge: a second answer with the same nonce finds nothing. */
    Optional<UbChallenge> takeChallenge(String nonce) {
        Map<String, String> notes = store.remove(challengeKey(nonce));
        return notes == null || notes.isEmpty() ? Optional.empty() : Optional.of(UbChallenge.fromNotes(notes));
    }

    void putContext(BootstrappingContext context) {
        long seconds = Duration.between(Instant.now(), context.expires()).toSeconds();
        store.put(contextKey(context.btid()), Math.max(1, seconds), context.toNotes());
    }

    Optional<BootstrappingContext> findContext(BTid btid) {
        Map<String, String> notes = store.get(contextKey(btid));
        if (notes == null || notes.isEmpty()) {
            return Optional.empty();
        }
        BootstrappingContext context = BootstrappingContext.fromNotes(notes);
        return context.expires().isAfter(Instant.now()) ? Optional.of(context) : Optional.empty();
    }

    private String challengeKey(String nonce) {
        return "gba-ub:" + realmId + ":" + nonce;
    }

    private String contextKey(BTid btid) {
        return "gba-btid:" + realmId + ":" + btid.value();
    }
}
