package org.ucdgba.liberty.profile;

import java.util.Optional;

/** The caller's registry of partners, by ProviderID (for example realm clients or identity providers). */
@FunctionalInterface
public interface Partners {

    /** The partner with this ProviderID, if configured. */
    Optional<Partner> byProviderId(String providerId);
}
