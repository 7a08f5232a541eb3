package org.ucdgba.federation.store;

import org.keycloak.provider.ProviderFactory;

/** Makes {@link FederationStore} providers. */
public interface FederationStoreFactory extends ProviderFactory<FederationStore> {
}
