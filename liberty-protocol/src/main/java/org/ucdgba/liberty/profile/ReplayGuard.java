package org.ucdgba.liberty.profile;

import java.time.Instant;

/**
 * Remembers message identifiers so that none is accepted twice. The caller backs it with a store shared by every
 * node that receives messages (Keycloak: its cluster-wide single-use store). Must be atomic.
 */
@FunctionalInterface
public interface ReplayGuard {

    /**
     * Records the identifier of a message from a partner; true the first time, false if it was seen before.
     *
     * @param keepUntil how long the identifier must be remembered (past it, the message is stale anyway)
     */
    boolean firstUse(String providerId, String messageId, Instant keepUntil);
}
