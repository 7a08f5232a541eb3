package org.ucdgba.federation;

import java.util.Map;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.ucdgba.gba.core.StoreKey;

/**
 * A RegisterNameIdentifierRequest sent by redirect and waiting for its response, in Keycloak's cluster-wide
 * single-use store under its RequestID: who asked ({@code userId}), the partner it went to ({@code partnerId},
 * and at a slave the master's {@code alias}) and the two names the federation will have. At a slave it makes a
 * federation (seed step 5, kept {@value #SLAVE_SECONDS} s: the master's login may take a while); at a master it
 * renames one (rni-idp-http, {@value #MASTER_SECONDS} s). Spent once, by the verified response that answers it.
 *
 * @param userId      the local user
 * @param partnerId   the partner's ProviderID
 * @param alias       the master's alias at a slave, or "" at a master
 * @param localName   this side's name identifier of the federation
 * @param partnerName the partner's name identifier of the federation
 */
public record PendingRegistration(String userId, String partnerId, String alias, String localName, String partnerName) {

    public static final long SLAVE_SECONDS = 1800;
    public static final long MASTER_SECONDS = 600;

    /** Remembers the request. */
    public void put(KeycloakSession session, RealmModel realm, String requestId, long seconds) {
        session.singleUseObjects().put(key(realm, requestId), seconds, Map.of("userId", userId, "partnerId",
                partnerId, "alias", alias, "localName", localName, "partnerName", partnerName));
    }

    /** The request waiting under this RequestID, left in place (the response is verified before it is spent). */
    public static Optional<PendingRegistration> peek(KeycloakSession session, RealmModel realm, String requestId) {
        Map<String, String> m = requestId == null ? null : session.singleUseObjects().get(key(realm, requestId));
        return m == null ? Optional.empty() : Optional.of(new PendingRegistration(m.get("userId"),
                m.get("partnerId"), m.get("alias"), m.get("localName"), m.get("partnerName")));
    }

    /** Spends the request; false if another response spent it first. */
    public static boolean take(KeycloakSession session, RealmModel realm, String requestId) {
        return session.singleUseObjects().remove(key(realm, requestId)) != null;
    }

    private static String key(RealmModel realm, String requestId) {
        return StoreKey.of("ucd-rni-pending", realm.getId(), requestId);
    }
}
