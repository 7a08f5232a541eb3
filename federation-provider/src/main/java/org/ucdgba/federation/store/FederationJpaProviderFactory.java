package org.ucdgba.federation.store;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Registers the federation entities and their Liquibase changelog with Keycloak's database. */
public final class FederationJpaProviderFactory implements JpaEntityProviderFactory {

    /** Provider id; also the Liquibase changelog's factory id. */
    public static final String ID = "ucd-federation";
    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new JpaEntityProvider() {
            @Override
            public List<Class<?>> getEntities() {
                return List.of(FederationEntity.class, PendingTerminationEntity.class);
            }

            @Override
            public String getChangelogLocation() {
                return "META-INF/ucd-federation-changelog.xml";
            }

            @Override
            public String getFactoryId() {
                return ID;
            }

            @Override
            public void close() {
            }
        };
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
