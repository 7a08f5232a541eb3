package org.ucdgba.federation;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.UserModel;

/**
 * Registers the federation entity and its Liquibase changelog with Keycloak's database, and removes a user's or a
 * slave client's federations when the user or the client is removed.
 */
public final class FederationJpaProviderFactory implements JpaEntityProviderFactory {

    /** Provider id; also the Liquibase changelog's factory id. */
    public static final String ID = "ucd-federation";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new JpaEntityProvider() {
            @Override
            public List<Class<?>> getEntities() {
                return List.of(FederationEntity.class);
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
        factory.register(event -> {
            if (event instanceof UserModel.UserRemovedEvent removed) {
                new FederationStore(removed.getKeycloakSession(), removed.getRealm())
                        .removeUser(removed.getUser().getId());
            } else if (event instanceof ClientModel.ClientRemovedEvent removed
                    && MasterProtocol.ID.equals(removed.getClient().getProtocol())) {
                new FederationStore(removed.getKeycloakSession(), removed.getClient().getRealm())
                        .removePartner(removed.getClient().getClientId());
            }
        });
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
