package org.ucdgba.federation.slave;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.keycloak.broker.provider.AbstractIdentityProvider;
import org.keycloak.broker.provider.AbstractIdentityProviderFactory;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.ucdgba.federation.admin.PartnerConfig;
import org.ucdgba.liberty.metadata.ProviderMetadata;

/**
 * A Master UCD server as an identity provider of a slave realm (type {@value #ID}): configured with the master's
 * ID-FF metadata, or by hand with the same settings one by one (see {@link PartnerConfig}); its links are the
 * slave's federations (seed step 9), shown in the Account Console once made. It federates accounts and is not
 * used to log in: registered through the partner API it is hidden on the login page and offered in the Account
 * Console only when linked, and Keycloak's buttons, if an administrator shows them, lead to the federation page.
 */
public final class MasterIdentityProvider extends AbstractIdentityProvider<IdentityProviderModel> {

    /** The identity provider type. */
    public static final String ID = "liberty-idff-master";
    /** Prefix of the config keys: {@code libertyMetadata}, {@code libertyProviderId}, ... (see PartnerConfig). */
    private static final String CONFIG_PREFIX = "liberty";

    /** The config key of a partner setting. */
    public static String configKey(String setting) {
        return CONFIG_PREFIX + Character.toUpperCase(setting.charAt(0)) + setting.substring(1);
    }

    /** The master's metadata from an identity provider's config. */
    public static PartnerConfig.Described metadata(Map<String, String> config) {
        return PartnerConfig.metadata(ProviderMetadata.Role.IDP, s -> config.get(configKey(s)));
    }

    MasterIdentityProvider(KeycloakSession session, IdentityProviderModel model) {
        super(session, model);
    }

    /**
     * A master is no way to log in: it federates accounts. Reached from Keycloak's own buttons (the Account
     * Console's "Link account", the login page, both hidden by default), it starts the real federation on the
     * slave's page, this master chosen; the page asks a person who is not signed in to sign in first.
     */
    @Override
    public Response performLogin(AuthenticationRequest request) {
        return Response.seeOther(URI.create(SlaveService.providerId(session, request.getRealm()) + "/?master="
                + URLEncoder.encode(getConfig().getAlias(), StandardCharsets.UTF_8))).build();
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

    /** A master's configuration: refused (400 to the administrator) unless it describes a usable master. */
    public static final class Config extends IdentityProviderModel {

        /** An empty configuration. */
        public Config() {
        }

        @Override
        public void validate(RealmModel realm) {
            metadata(getConfig());
            PartnerConfig.sigAlg(s -> getConfig().get(configKey(s)));
        }
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
            return new Config();
        }

        @Override
        public Map<String, String> parseConfig(KeycloakSession session, String config) {
            return Map.of(configKey(PartnerConfig.METADATA), config);
        }

        @Override
        public List<ProviderConfigProperty> getConfigProperties() {
            return ProviderConfigurationBuilder.create()
                    .property().name(configKey(PartnerConfig.METADATA)).label("Master metadata (ID-FF 1.2 XML)")
                    .type(ProviderConfigProperty.TEXT_TYPE).helpText("The master's EntityDescriptor. Leave empty "
                            + "to give the master's settings one by one below").add()
                    .property().name(configKey(PartnerConfig.PROVIDER_ID)).label("Master ProviderID")
                    .type(ProviderConfigProperty.STRING_TYPE).helpText("Without metadata: the master's ProviderID")
                    .add()
                    .property().name(configKey(PartnerConfig.REGISTER_NAME_IDENTIFIER_URL))
                    .label("RegisterNameIdentifierServiceURL").type(ProviderConfigProperty.STRING_TYPE)
                    .helpText("Without metadata: where the user agent takes the signed request (rni-sp-http)").add()
                    .property().name(configKey(PartnerConfig.SOAP_ENDPOINT)).label("SOAP endpoint")
                    .type(ProviderConfigProperty.STRING_TYPE)
                    .helpText("Without metadata: where terminations are sent (fedterm-sp-soap)").add()
                    .property().name(configKey(PartnerConfig.SIGNING_CERTIFICATE)).label("Signing certificate")
                    .type(ProviderConfigProperty.TEXT_TYPE).helpText("Without metadata: the master's certificate, "
                            + "PEM or base64; the only key its messages are checked with").add()
                    .property().name(configKey(PartnerConfig.SIG_ALG)).label("Signature algorithm")
                    .type(ProviderConfigProperty.LIST_TYPE).options("rsa-sha256", "rsa-sha1")
                    .defaultValue("rsa-sha256").helpText("rsa-sha1 only for a legacy master that requires it").add()
                    .build();
        }

        @Override
        public String getId() {
            return ID;
        }
    }
}
