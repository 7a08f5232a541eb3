package org.ucdgba.gba.bsf;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Registers the {@code gba-aka} credential type. */
public final class AkaCredentialProviderFactory implements CredentialProviderFactory<AkaCredentialProvider> {

    /** Provider id. */
    public static final String PROVIDER_ID = "gba-aka";

    @Override
    public AkaCredentialProvider create(KeycloakSession session) {
        return new AkaCredentialProvider(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
