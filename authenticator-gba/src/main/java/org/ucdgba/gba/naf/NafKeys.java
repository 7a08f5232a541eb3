package org.ucdgba.gba.naf;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.ucdgba.gba.core.EventDetails;
import org.ucdgba.gba.core.StoreKey;
import org.ucdgba.gba.core.bootstrap.BTid;
import org.ucdgba.gba.core.kdf.NafId;
import org.ucdgba.gba.core.zn.ZnAnswer;
import org.ucdgba.gba.core.zn.ZnClient;
import org.ucdgba.gba.core.zn.ZnException;
import org.ucdgba.gba.core.zn.ZnRequest;

/**
 * Ks_NAF for a B-TID and this NAF_Id: from Keycloak's cluster-wide cache when an earlier login fetched it, else
 * over Zn, then cached until the key's expiry (TS 33.220 clause 4.5.3: the NAF may keep it for its lifetime).
 * The cached entry also remembers the user the first login mapped the subscriber to, so that later logins with
 * the key look that user up by id (Keycloak's user cache) instead of searching the IMPI attribute again.
 */
final class NafKeys {

    /** Where a key came from, reported in the login event. */
    enum Source { CACHE, ZN }

    /**
     * A usable Ks_NAF with what the BSF said about the subscriber, when it expires, and the id of the user an
     * earlier login mapped it to (null if none did).
     */
    record NafKey(byte[] ksNaf, String impi, List<String> impus, Instant expires, Source source, String userId) {
    }

    private final SingleUseObjectProvider cache;
    private final String realmId;

    NafKeys(KeycloakSession session, String realmId) {
        this.cache = session.singleUseObjects();
        this.realmId = realmId;
    }

    /**
     * Ks_NAF from the cache, else from the BSF over {@code zn}, not cached yet ({@link #keep} does that); a Zn
     * request's latency and outcome go into the login's event ({@link EventDetails#ZN_MILLIS},
     * {@link EventDetails#ZN_OUTCOME}), hence into the metrics.
     */
    NafKey get(BTid btid, NafId nafId, ZnClient zn, boolean useCache, EventBuilder event) throws ZnException {
        if (useCache) {
            Map<String, String> notes = cache.get(storeKey(btid, nafId));
            if (notes != null && !notes.isEmpty()) {
                Instant expires = Instant.parse(notes.get("expires"));
                if (expires.isAfter(Instant.now())) {
                    return new NafKey(Base64.getDecoder().decode(notes.get("ks")), notes.get("impi"),
                            GbaAuthenticator.impus(notes.get("impus")), expires, Source.CACHE, notes.get("user"));
                }
            }
        }
        ZnAnswer answer;
        long start = System.nanoTime();
        try {
            answer = zn.requestBootstrappingInfo(new ZnRequest(btid, nafId, false));
            event.detail(EventDetails.ZN_OUTCOME, "success");
        } catch (ZnException e) {
            event.detail(EventDetails.ZN_OUTCOME, e.reason().name().toLowerCase(Locale.ROOT));
            throw e;
        } finally {
            event.detail(EventDetails.ZN_MILLIS, Long.toString((System.nanoTime() - start) / 1_000_000));
        }
        if (!answer.keyExpiryTime().isAfter(Instant.now())) {
            throw new ZnException(ZnException.Reason.UNKNOWN_BTID, "the bootstrapped key has expired");
        }
        return new NafKey(answer.meKeyMaterial(), answer.impi(), answer.impus(), answer.keyExpiryTime(), Source.ZN,
                null);
    }

    /**
     * Caches a key fetched over Zn until its expiry, with the user its subscriber maps to when known; for a key
     * from the cache, remembers the user when the entry did not name it yet. One write at most, none when the
     * entry is already as it should be.
     */
    void keep(BTid btid, NafId nafId, NafKey key, String userId) {
        boolean newUser = userId != null && !userId.equals(key.userId());
        if (key.source() == Source.ZN || newUser) {
            // put with the key's remaining lifetime: Keycloak's replace() would drop the entry's lifespan.
            long seconds = Math.max(1, Duration.between(Instant.now(), key.expires()).toSeconds());
            cache.put(storeKey(btid, nafId), seconds, notes(key, userId));
        }
    }

    private static Map<String, String> notes(NafKey key, String userId) {
        Map<String, String> notes = new HashMap<>(Map.of("ks", Base64.getEncoder().encodeToString(key.ksNaf()),
                "impi", key.impi(), "impus", GbaAuthenticator.joinImpus(key.impus()),
                "expires", key.expires().toString()));
        if (userId != null) {
            notes.put("user", userId);
        }
        return notes;
    }

    private String storeKey(BTid btid, NafId nafId) {
        return StoreKey.of("gba-ksnaf", realmId, nafId.fqdn(), nafId.uaProtocol().toString(), btid.value());
    }
}
