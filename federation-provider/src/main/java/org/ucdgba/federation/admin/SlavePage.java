package org.ucdgba.federation.admin;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiPageProvider;
import org.keycloak.services.ui.extend.UiPageProviderFactory;
import org.ucdgba.liberty.metadata.ProviderMetadata;

/**
 * The admin console page {@value #ID} of a master realm (under Configure, with Keycloak's {@code declarative-ui}
 * feature): each entry registers one slave, from its metadata or by hand (ProviderID, RegisterNameIdentifier
 * return URL, SOAP endpoint, signing certificate, signature algorithm). Saving an entry creates or updates the
 * slave's client ({@link SlaveClients}); deleting it removes the client and so the slave's federations. Keycloak
 * lets realm managers save entries (its components API), so an entry never touches a client it did not make.
 */
public final class SlavePage implements UiPageProviderFactory<ComponentModel> {

    /** The page's id; its title in the admin console is the message of that key (themes module). */
    public static final String ID = "liberty-idff-slaves";
    private static final String NAME = "name";
    /**
     * The ProviderID's key here: the admin console merges its route parameters, among them {@code providerId}
     * (the page's id), into the saved config.
     */
    private static final String SLAVE_PROVIDER_ID = "slaveProviderId";
    /** Session attribute: a slave's entry and client are being removed together. */
    private static final String REMOVING = SlavePage.class.getName() + ".removing";

    /** Refuses an unusable entry; an entry made from metadata shows the ProviderID the metadata names. */
    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        String metadataUrl = model.get(PartnerConfig.METADATA_URL);
        if (metadataUrl != null && !metadataUrl.isBlank() && (model.get(PartnerConfig.METADATA) == null
                || model.get(PartnerConfig.METADATA).isBlank())) {
            // Fetched once, on save; the entry keeps the document it registered.
            try {
                model.put(PartnerConfig.METADATA, PartnerConfig.fetchMetadata(metadataUrl));
            } catch (IOException | IllegalArgumentException e) {
                throw new ComponentValidationException(PartnerConfig.named(PartnerConfig.METADATA_URL) + ": "
                        + e.getMessage(), e);
            }
        }
        PartnerConfig.Described slave = described(model);
        model.put(SLAVE_PROVIDER_ID, slave.metadata().providerId());
        // Keycloak lets realm managers save entries; an entry only ever touches the client it made itself.
        ClientModel client = realm.getClientByClientId(slave.metadata().providerId());
        if (client != null && (model.getId() == null || !model.getId().equals(SlaveClients.page(client)))) {
            throw new ComponentValidationException("a client with this client id exists already; "
                    + "change it under Clients or through the partner API");
        }
        boolean taken = realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                .filter(c -> ID.equals(c.getProviderId()) && !c.getId().equals(model.getId()))
                .anyMatch(c -> slave.metadata().providerId().equals(providerId(c)));
        if (taken) {
            throw new ComponentValidationException("another entry registers this ProviderID");
        }
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        SlaveClients.register(session, realm, described(model), sigAlg(model), model.get(NAME), model.getId());
    }

    /** An entry whose ProviderID changed registers another slave: the former one's client goes. */
    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        String before = providerId(oldModel);
        PartnerConfig.Described slave = described(newModel);
        if (before != null && !before.equals(slave.metadata().providerId())) {
            SlaveClients.removeOwned(session, realm, before, oldModel.getId());
        }
        SlaveClients.register(session, realm, slave, sigAlg(newModel), newModel.get(NAME), newModel.getId());
    }

    @Override
    public void preRemove(KeycloakSession session, RealmModel realm, ComponentModel model) {
        if (session.getAttribute(REMOVING) == null) {
            session.setAttribute(REMOVING, Boolean.TRUE);
            try {
                SlaveClients.removeOwned(session, realm, providerId(model), model.getId());
            } finally {
                session.removeAttribute(REMOVING);
            }
        }
    }

    /** A slave's client was removed (under Clients, for example): its entries go too. */
    public static void clientRemoved(KeycloakSession session, RealmModel realm, String providerId) {
        if (session.getAttribute(REMOVING) != null) {
            return;
        }
        session.setAttribute(REMOVING, Boolean.TRUE);
        try {
            realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                    .filter(c -> ID.equals(c.getProviderId()) && providerId.equals(c.get(SLAVE_PROVIDER_ID)))
                    .toList().forEach(realm::removeComponent);
        } finally {
            session.removeAttribute(REMOVING);
        }
    }

    private static PartnerConfig.Described described(ComponentModel model) {
        try {
            return PartnerConfig.metadata(ProviderMetadata.Role.SP, settings(model));
        } catch (IllegalArgumentException e) {
            throw new ComponentValidationException(e.getMessage(), e);
        }
    }

    private static String sigAlg(ComponentModel model) {
        try {
            return PartnerConfig.sigAlg(settings(model));
        } catch (IllegalArgumentException e) {
            throw new ComponentValidationException(e.getMessage(), e);
        }
    }

    private static UnaryOperator<String> settings(ComponentModel model) {
        return name -> model.get(PartnerConfig.PROVIDER_ID.equals(name) ? SLAVE_PROVIDER_ID : name);
    }

    /** The ProviderID an entry registers, or null when it is unusable. */
    private static String providerId(ComponentModel model) {
        try {
            return PartnerConfig.metadata(ProviderMetadata.Role.SP, settings(model)).metadata().providerId();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String getHelpText() {
        return "ucdSlavesHelp";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        // Labels and help texts are message keys (themes module, English, German, French): the admin console
        // translates them.
        return ProviderConfigurationBuilder.create()
                .property().name(SLAVE_PROVIDER_ID).label("ucdSlaveProviderId").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("ucdSlaveProviderIdHelp").add()
                .property().name(NAME).label("ucdSlaveName").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("ucdSlaveNameHelp").add()
                .property().name(PartnerConfig.REGISTER_NAME_IDENTIFIER_URL).label("ucdSlaveRniReturnUrl")
                .type(ProviderConfigProperty.STRING_TYPE).helpText("ucdSlaveRniReturnUrlHelp").add()
                .property().name(PartnerConfig.SOAP_ENDPOINT).label("ucdSlaveSoapEndpoint")
                .type(ProviderConfigProperty.STRING_TYPE).helpText("ucdSlaveSoapEndpointHelp").add()
                .property().name(PartnerConfig.SIGNING_CERTIFICATE).label("ucdSlaveSigningCertificate")
                .type(ProviderConfigProperty.TEXT_TYPE).helpText("ucdSlaveSigningCertificateHelp").add()
                .property().name(PartnerConfig.SIG_ALG).label("ucdSlaveSigAlg")
                .type(ProviderConfigProperty.LIST_TYPE).options("rsa-sha256", "rsa-sha1").defaultValue("rsa-sha256")
                .helpText("ucdSlaveSigAlgHelp").add()
                .property().name(PartnerConfig.METADATA_URL).label("ucdSlaveMetadataUrl")
                .type(ProviderConfigProperty.STRING_TYPE).helpText("ucdSlaveMetadataUrlHelp").add()
                .property().name(PartnerConfig.METADATA).label("ucdSlaveMetadata")
                .type(ProviderConfigProperty.TEXT_TYPE).helpText("ucdSlaveMetadataHelp").add()
                .build();
    }

    /** The list shows each entry's ProviderID and name. */
    @Override
    public Map<String, Object> getTypeMetadata() {
        return Map.of("displayFields", List.of(SLAVE_PROVIDER_ID, NAME));
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
