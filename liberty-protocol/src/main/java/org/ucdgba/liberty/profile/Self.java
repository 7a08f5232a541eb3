package org.ucdgba.liberty.profile;

import java.util.Objects;
import org.ucdgba.liberty.crypto.ProviderKeys;

/**
 * This provider: its ProviderID and signing keys.
 *
 * @param providerId this provider's ProviderID (as in its metadata)
 * @param keys       its signing key and certificate
 */
public record Self(String providerId, ProviderKeys keys) {

    public Self {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(keys, "keys");
    }
}
