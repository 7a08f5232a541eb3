package org.ucdgba.federation;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.ucdgba.gba.core.StoreKey;
import org.ucdgba.liberty.crypto.ProviderKeys;
import org.ucdgba.liberty.profile.Exchange;
import org.ucdgba.liberty.profile.Partners;
import org.ucdgba.liberty.profile.ReplayGuard;
import org.ucdgba.liberty.profile.Self;

/**
 * The realm as a Liberty provider: its active RS256 key and certificate sign its messages (so its metadata
 * publishes the realm certificate), message identifiers are remembered in Keycloak's cluster-wide single-use
 * store, and the clock skew is three minutes.
 */
public final class LibertyKeys {

    /** Accepted difference between a partner's IssueInstant and this server's clock. */
    public static final Duration SKEW = Duration.ofMinutes(3);

    private LibertyKeys() {
    }

    /** The realm's URL, the stem of its ProviderIDs: {@code <base>/realms/<name>}. */
    public static String realmUrl(KeycloakSession session, RealmModel realm) {
        return session.getContext().getUri().getBaseUri().toString().replaceAll("/$", "") + "/realms/"
                + realm.getName();
    }

    /** This realm's signing keys. */
    public static ProviderKeys realmKeys(KeycloakSession session, RealmModel realm) {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.RS256);
        return new ProviderKeys((PrivateKey) key.getPrivateKey(), key.getCertificate());
    }

    /** An exchange for this realm as provider {@code providerId} with the given partners. */
    public static Exchange exchange(KeycloakSession session, RealmModel realm, String providerId, Partners partners) {
        return new Exchange(new Self(providerId, realmKeys(session, realm)), partners, replayGuard(session, realm),
                Clock.systemUTC(), SKEW);
    }

    /** Replay protection shared by every node of the cluster. */
    static ReplayGuard replayGuard(KeycloakSession session, RealmModel realm) {
        return (providerId, messageId, keepUntil) -> session.singleUseObjects().putIfAbsent(
                StoreKey.of("liberty-id", realm.getId(), providerId, messageId),
                Math.max(1, Duration.between(Instant.now(), keepUntil).toSeconds() + SKEW.toSeconds()));
    }
}
