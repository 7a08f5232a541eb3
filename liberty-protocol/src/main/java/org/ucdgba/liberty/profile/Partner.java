package org.ucdgba.liberty.profile;

import java.util.Objects;
import org.ucdgba.liberty.crypto.SignaturePolicy;
import org.ucdgba.liberty.metadata.ProviderMetadata;

/**
 * A configured partner: its metadata (URLs and signing certificate) and the signature algorithms agreed with it.
 *
 * @param metadata the partner's ID-FF metadata
 * @param policy   the algorithms accepted from it and used towards it
 */
public record Partner(ProviderMetadata metadata, SignaturePolicy policy) {

    public Partner {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(policy, "policy");
    }

    /** The partner's ProviderID. */
    public String providerId() {
        return metadata.providerId();
    }
}
