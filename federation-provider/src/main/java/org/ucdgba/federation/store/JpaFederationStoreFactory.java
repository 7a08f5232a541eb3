package org.ucdgba.federation.store;

import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** The {@link FederationStore} in Keycloak's database, through its JPA connection: id {@value #ID}. */
public final class JpaFederationStoreFactory implements FederationStoreFactory {

    /** Provider id. */
    public static final String ID = "jpa";

    @Override
    public FederationStore create(KeycloakSession session) {
        return new JpaFederationStore(session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
