package org.ucdgba.gba.naf;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
 */
final class NafKeys {

    /** Where a key came from, reported in the login event. */
    enum Source { CACHE, ZN }

    /** A usable Ks_NAF with what the BSF said about the subscriber. */
    record NafKey(byte[] ksNaf, String impi, List<String> impus, Source source) {
    }

    private final SingleUseObjectProvider cache;
    private final String realmId;

    NafKeys(KeycloakSession session, String realmId) {
        this.cache = session.singleUseObjects();
        this.realmId = realmId;
    }

    /**
     * Ks_NAF from the cache, else from the BSF over {@code zn}; a Zn request's latency and outcome go into the
     * login's event ({@link EventDetails#ZN_MILLIS}, {@link EventDetails#ZN_OUTCOME}), hence into the metrics.
     */
    NafKey get(BTid btid, NafId nafId, ZnClient zn, boolean useCache, EventBuilder event) throws ZnException {
        String key = StoreKey.of("gba-ksnaf", realmId, nafId.fqdn(), nafId.uaProtocol().toString(), btid.value());
        if (useCache) {
            Map<String, String> notes = cache.get(key);
            if (notes != null && !notes.isEmpty()) {
                Instant expires = Instant.parse(notes.get("expires"));
                if (expires.isAfter(Instant.now())) {
                    return new NafKey(Base64.getDecoder().decode(notes.get("ks")), notes.get("impi"),
                            GbaAuthenticator.impus(notes.get("impus")), Source.CACHE);
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
        if (useCache) {
            long seconds = Math.max(1, Duration.between(Instant.now(), answer.keyExpiryTime()).toSeconds());
            cache.put(key, seconds, Map.of("ks", Base64.getEncoder().encodeToString(answer.meKeyMaterial()),
                    "impi", answer.impi(), "impus", GbaAuthenticator.joinImpus(answer.impus()),
                    "expires", answer.keyExpiryTime().toString()));
        }
        return new NafKey(answer.meKeyMaterial(), answer.impi(), answer.impus(), Source.ZN);
    }
}
