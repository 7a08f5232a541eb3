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
 * Ub challenges and bootstrapping contexts in Keycloak's single-use object store, which is replicated across the
 * cluster and expires entries by itself. Keys are namespaced by realm; what the device sent enters them hashed.
 */
final class BsfStore {

    private final SingleUseObjectProvider store;
    private final String realmId;

    BsfStore(KeycloakSession session, String realmId) {
        this.store = session.singleUseObjects();
        this.realmId = realmId;
    }

    /**
     * Keeps a challenge until it is answered or expires, and remembers it as the IMPI's open challenge so that
     * repeated first requests get the same nonce instead of advancing SQN each time.
     */
    void putChallenge(String impi, String nonce, UbChallenge challenge, Duration lifetime) {
        store.put(challengeKey(impi, nonce), lifetime.toSeconds(), challenge.toNotes());
        store.put(openKey(impi), lifetime.toSeconds(), Map.of("nonce", nonce));
    }

    /** The nonce of the IMPI's challenge that is still open, if any. */
    Optional<String> openChallenge(String impi) {
        Map<String, String> open = store.get(openKey(impi));
        if (open == null || open.get("nonce") == null || !store.contains(challengeKey(impi, open.get("nonce")))) {
            return Optional.empty();
        }
        return Optional.of(open.get("nonce"));
    }

    /** Removes and returns the challenge: a second answer with the same nonce finds nothing. */
    Optional<UbChallenge> takeChallenge(String impi, String nonce) {
        Map<String, String> notes = store.remove(challengeKey(impi, nonce));
        if (notes == null || notes.isEmpty()) {
            return Optional.empty();
        }
        store.remove(openKey(impi));
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

    private String openKey(String impi) {
        return StoreKey.of("gba-ub-open", realmId, impi);
    }

    private String contextKey(BTid btid) {
        return StoreKey.of("gba-btid", realmId, btid.value());
    }
}
