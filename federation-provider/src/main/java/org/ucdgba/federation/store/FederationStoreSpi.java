package org.ucdgba.federation.store;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The SPI of {@link FederationStore}, {@value #NAME}. */
public final class FederationStoreSpi implements Spi {

    /** The SPI's name. */
    public static final String NAME = "ucd-federation-store";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return FederationStore.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return FederationStoreFactory.class;
    }
}
