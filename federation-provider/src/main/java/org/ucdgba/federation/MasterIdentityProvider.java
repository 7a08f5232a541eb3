package org.ucdgba.federation;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.broker.provider.AbstractIdentityProvider;
import org.keycloak.broker.provider.AbstractIdentityProviderFactory;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ErrorPage;
import org.keycloak.services.messages.Messages;

/**
 * A Master UCD server as an identity provider of a slave realm (type {@value #ID}): configured with the master's
 * ID-FF metadata; its links are the slave's federations (seed step 9), shown in the Account Console. It federates
 * accounts and is not used to log in.
 */
public final class MasterIdentityProvider extends AbstractIdentityProvider<IdentityProviderModel> {

    /** The identity provider type. */
    public static final String ID = "liberty-idff-master";
    /** Config: the master's ID-FF metadata document. */
    public static final String METADATA = "libertyMetadata";
    /** Config: "rsa-sha1" for a master that asked for RSA-SHA1. */
    public static final String SIG_ALG = "libertySigAlg";

    MasterIdentityProvider(KeycloakSession session, IdentityProviderModel model) {
        super(session, model);
    }

    @Override
    public Response performLogin(AuthenticationRequest request) {
        return ErrorPage.error(session, request.getAuthenticationSession(), Response.Status.BAD_REQUEST,
                Messages.IDENTITY_PROVIDER_UNEXPECTED_ERROR);
    }

    /** A federation carries no token to retrieve. */
    @Override
    public Response retrieveToken(KeycloakSession session, FederatedIdentityModel identity) {
        return Response.status(Response.Status.BAD_REQUEST).build();
    }

    @Override
    public Response retrieveToken(KeycloakSession session, FederatedIdentityModel identity,
                                  UserSessionModel userSession, UserModel user) {
        return retrieveToken(session, identity);
    }

    /** Registers the type. */
    public static final class Factory extends AbstractIdentityProviderFactory<MasterIdentityProvider> {

        @Override
        public String getName() {
            return "Liberty ID-FF master (UCD federation)";
        }

        @Override
        public MasterIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
            return new MasterIdentityProvider(session, model);
        }

        @Override
        public IdentityProviderModel createConfig() {
            return new IdentityProviderModel();
        }

        @Override
        public Map<String, String> parseConfig(KeycloakSession session, String config) {
            return Map.of(METADATA, config);
        }

        @Override
        public List<ProviderConfigProperty> getConfigProperties() {
            return ProviderConfigurationBuilder.create()
                    .property().name(METADATA).label("Master metadata (ID-FF 1.2 XML)")
                    .type(ProviderConfigProperty.TEXT_TYPE).helpText("The master's EntityDescriptor; its signing "
                            + "certificate is the only key its responses are checked with").add()
                    .property().name(SIG_ALG).label("Signature algorithm").type(ProviderConfigProperty.LIST_TYPE)
                    .options("rsa-sha256", "rsa-sha1").defaultValue("rsa-sha256")
                    .helpText("rsa-sha1 only for a legacy master that requires it").add()
                    .build();
        }

        @Override
        public String getId() {
            return ID;
        }
    }
}
