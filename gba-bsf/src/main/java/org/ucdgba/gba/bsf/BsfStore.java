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
 * {@code actionTokens} cache, two owners by default), which expires entries by itself. Keys are namespaced by
 * realm; what the device sent enters them hashed.
 * <p>
 * One context per IMPI: a device that bootstraps again replaces its earlier Ks, B-TID and lifetime, by the rule
 * TS 33.220 annex G.1 states for the UICC ("A new bootstrapping procedure replaces Ks, B-TID, Key LifeTime and RAND
 * values of the previous bootstrapping procedure"), which this BSF applies to GBA_ME too. The context is stored
 * under its IMPI; under its B-TID only the IMPI is kept, so an earlier B-TID finds the newer context,
 * whose B-TID differs, and is unknown from then on. What stays of a replaced bootstrap is that small pointer, until
 * the lifetime it was given.
 */
final class BsfStore {

    private static final String IMPI = "impi";

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

    /** Keeps {@code context} as its IMPI's only one, and its B-TID as the way to find it. */
    void putContext(BootstrappingContext context) {
        long seconds = Math.max(1, Duration.between(Instant.now(), context.expires()).toSeconds());
        store.put(contextKey(context.impi()), seconds, context.toNotes());
        store.put(btidKey(context.btid()), seconds, Map.of(IMPI, context.impi()));
    }

    /** The context of {@code btid} while it is its IMPI's latest and has not expired. */
    Optional<BootstrappingContext> findContext(BTid btid) {
        Map<String, String> pointer = store.get(btidKey(btid));
        String impi = pointer == null ? null : pointer.get(IMPI);
        if (impi == null) {
            return Optional.empty();
        }
        Map<String, String> notes = store.get(contextKey(impi));
        if (notes == null || notes.isEmpty()) {
            return Optional.empty();
        }
        BootstrappingContext context = BootstrappingContext.fromNotes(notes);
        return context.btid().equals(btid) && context.expires().isAfter(Instant.now()) ? Optional.of(context)
                : Optional.empty();
    }

    private String challengeKey(String impi, String nonce) {
        return StoreKey.of("gba-ub", realmId, impi, nonce);
    }

    private String btidKey(BTid btid) {
        // Not "gba-btid", under which earlier versions kept a whole context: a node of either version finds
        // nothing it cannot read.
        return StoreKey.of("gba-btid-ref", realmId, btid.value());
    }

    private String contextKey(String impi) {
        return StoreKey.of("gba-context", realmId, impi);
    }
}
