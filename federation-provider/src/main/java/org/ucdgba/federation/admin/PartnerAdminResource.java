package org.ucdgba.federation.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderShowInAccountConsole;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.ucdgba.federation.FederationError;
import org.ucdgba.federation.slave.MasterIdentityProvider;
import org.ucdgba.liberty.metadata.ProviderMetadata;

/**
 * Registering a partner, for realm administrators, at {@code /admin/realms/{realm}/}{@value #ID}:
 * {@code POST slaves} makes (or updates) the slave's client of a master realm, {@code POST masters} the master's
 * identity provider of a slave realm. The body names the partner's metadata by URL ({@code metadataUrl}, fetched
 * once, http(s), bounded), gives it ({@code metadata}), or gives its settings one by one ({@code providerId},
 * {@code signingCertificate}, {@code soapEndpoint}, {@code registerNameIdentifierUrl}); {@code sigAlg} =
 * {@code rsa-sha1} only for a legacy partner; {@code slaves/federations} lists and ends the federations held with a
 * slave. Keycloak's admin permissions apply and each change is an admin event.
 */
public final class PartnerAdminResource {

    /** Path segment and provider id. */
    public static final String ID = "ucd-liberty-partners";
    /** Keycloak's identity provider setting (config key) of the Account Console's linked accounts. */
    private static final String SHOW_IN_ACCOUNT_CONSOLE = "showInAccountConsole";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    PartnerAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                         AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    /** A slave of this master realm: a client of protocol liberty-idff whose client id is its ProviderID. */
    @POST
    @Path("slaves")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response registerSlave(Map<String, String> body) {
        auth.clients().requireManage();
        SlaveClients.Registered slave;
        try {
            Map<String, String> settings = settings(body);
            slave = SlaveClients.register(session, realm, PartnerConfig.metadata(ProviderMetadata.Role.SP,
                    settings::get), PartnerConfig.sigAlg(settings::get), settings.get("name"), null);
        } catch (IOException | IllegalArgumentException e) {
            return bad(e.getMessage());
        }
        adminEvent.operation(slave.created() ? OperationType.CREATE : OperationType.UPDATE)
                .resource(ResourceType.CLIENT).resourcePath("clients", slave.client().getId()).success();
        return Response.status(slave.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(Map.of("clientId", slave.client().getClientId(), "id", slave.client().getId())).build();
    }

    /** The federations this master realm holds with a slave ({@link SlaveFederationsAdmin}). */
    @Path("slaves/federations")
    public SlaveFederationsAdmin federationsWithSlave() {
        return new SlaveFederationsAdmin(session, realm, auth, adminEvent);
    }

    /** A master of this slave realm: an identity provider of type liberty-idff-master. */
    @POST
    @Path("masters")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response registerMaster(Map<String, String> body) {
        auth.realm().requireManageIdentityProviders();
        String alias = body == null ? null : body.get("alias");
        if (alias == null || !alias.matches("[A-Za-z0-9._-]{1,64}")) {
            return bad("an alias of letters, digits, '.', '_' or '-' is required");
        }
        Map<String, String> partner = new HashMap<>();
        try {
            Map<String, String> settings = settings(body);
            for (String key : List.of(PartnerConfig.METADATA, PartnerConfig.PROVIDER_ID,
                    PartnerConfig.SIGNING_CERTIFICATE, PartnerConfig.SOAP_ENDPOINT,
                    PartnerConfig.REGISTER_NAME_IDENTIFIER_URL)) {
                partner.put(MasterIdentityProvider.configKey(key), settings.get(key));
            }
            partner.put(MasterIdentityProvider.configKey(PartnerConfig.SIG_ALG), PartnerConfig.sigAlg(settings::get));
            MasterIdentityProvider.metadata(partner);
        } catch (IOException | IllegalArgumentException e) {
            return bad(e.getMessage());
        }
        IdentityProviderModel model = session.identityProviders().getByAlias(alias);
        boolean created = model == null;
        if (created) {
            model = new IdentityProviderModel();
            model.setAlias(alias);
            model.setProviderId(MasterIdentityProvider.ID);
            // A master is no way to log in, and an account is federated on the federation page: Keycloak's
            // buttons for it stay hidden unless an administrator shows them.
            model.setHideOnLogin(true);
        } else if (!MasterIdentityProvider.ID.equals(model.getProviderId())) {
            return bad("an identity provider of another type has this alias");
        }
        model.setEnabled(true);
        if (created || body.get("displayName") != null) {
            model.setDisplayName(body.getOrDefault("displayName", alias));
        }
        // The partner's settings replace the previous ones; the identity provider's other settings stay.
        Map<String, String> config = new HashMap<>(model.getConfig() == null ? Map.of() : model.getConfig());
        if (created) {
            config.put(SHOW_IN_ACCOUNT_CONSOLE, IdentityProviderShowInAccountConsole.WHEN_LINKED.name());
        }
        partner.forEach((key, value) -> {
            if (value == null) {
                config.remove(key);
            } else {
                config.put(key, value);
            }
        });
        model.setConfig(config);
        if (created) {
            session.identityProviders().create(model);
        } else {
            session.identityProviders().update(model);
        }
        adminEvent.operation(created ? OperationType.CREATE : OperationType.UPDATE)
                .resource(ResourceType.IDENTITY_PROVIDER).resourcePath("identity-provider", "instances", alias)
                .success();
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .entity(Map.of("alias", alias)).build();
    }

    /**
     * The partner settings of a request body (see {@link PartnerConfig}); a {@code metadataUrl} is fetched once
     * (absolute http(s), bounded in size and time) and stands for the metadata document.
     */
    private static Map<String, String> settings(Map<String, String> body) throws IOException {
        if (body == null) {
            throw new IllegalArgumentException("a JSON object of the partner's metadata or settings is required");
        }
        if (body.get(PartnerConfig.METADATA_URL) == null) {
            return body;
        }
        Map<String, String> settings = new HashMap<>(body);
        settings.put(PartnerConfig.METADATA, PartnerConfig.fetchMetadata(body.get(PartnerConfig.METADATA_URL)));
        return settings;
    }

    private static Response bad(String message) {
        return FederationError.INVALID_REQUEST.json(String.valueOf(message));
    }

    /** Mounts the resource under the admin API of each realm. */
    public static final class Factory implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider {

        @Override
        public AdminRealmResourceProvider create(KeycloakSession session) {
            return this;
        }

        @Override
        public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                                  AdminEventBuilder adminEvent) {
            return new PartnerAdminResource(session, realm, auth, adminEvent);
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
}
