package org.ucdgba.gba.bsf;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.ucdgba.gba.core.StoreKey;
import org.ucdgba.gba.core.bootstrap.BTid;

/**
 * Ub challenges and bootstrapping contexts in Keycloak's single-use object store (the distributed
 * {@code actionTokens} cache, two owners by default), which expires entries by itself. Keys are namespaced by realm; what the device sent enters them hashed.
 */
final class BsfStore {

    private final SingleUseObjectProvider store;
    private final String realmId;

    BsfStore(KeycloakSession session, String realmId) {
        this.store = session.singleUseObjects();
        this.realmId = realmId;
    }

    /**
     * Keeps a challenge until it is answered or expires. Every Ub request gets a challenge of its own, so its
     * nonce is known only to whoever asked for it and only that requester can answer or spend it.
     */
    void putChallenge(String impi, String nonce, UbChallenge challenge, Duration lifetime) {
        store.put(challengeKey(impi, nonce), lifetime.toSeconds(), challenge.toNotes());
    }

    /** Removes and returns the challenge: a second answer with the same nonce finds nothing. */
    Optional<UbChallenge> takeChallenge(String impi, String nonce) {
        Map<String, String> notes = store.remove(challengeKey(impi, nonce));
        if (notes == null || notes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(UbChallenge.fromNotes(notes));
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

    private String challengeKey(String impi, String nonce) {
        return StoreKey.of("gba-ub", realmId, impi, nonce);
    }

    private String contextKey(BTid btid) {
        return StoreKey.of("gba-btid", realmId, btid.value());
    }
}
