package org.ucdgba.gba.naf;

import java.util.List;
import java.util.Set;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers the GBA (SIM) authenticator for browser flows; one shared stateless instance. */
public final class GbaAuthenticatorFactory implements AuthenticatorFactory {

    /** Provider id used in flow definitions. */
    public static final String PROVIDER_ID = "gba-naf";
    /** The realm attribute of a BSF realm's domain (gba-bsf's BsfConfig.DOMAIN). */
    static final String BSF_DOMAIN = "gba.bsf.domain";
    private static final GbaAuthenticator SINGLETON = new GbaAuthenticator();

    @Override
    public String getDisplayType() {
        return "GBA (SIM) login";
    }

    @Override
    public String getReferenceCategory() {
        return "gba";
    }

    /**
     * The subscriber's SIM credential ({@code gba-aka}, the BSF's) is what this step relies on: naming it here lets
     * the Account Console list the subscriber's SIM under "Signing in", in a realm that is a BSF too (it sets
     * {@value #BSF_DOMAIN}, as the BSF settings page does); a NAF-only realm's users hold no SIM, and its Account
     * Console shows none. The step's own category keeps it out of Keycloak's choice by the user's credentials.
     */
    @Override
    public Set<String> getOptionalReferenceCategories(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        return realm != null && realm.getAttribute(BSF_DOMAIN) != null ? Set.of("gba-aka") : Set.of();
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {
            AuthenticationExecutionModel.Requirement.ALTERNATIVE,
            AuthenticationExecutionModel.Requirement.REQUIRED,
            AuthenticationExecutionModel.Requirement.DISABLED
        };
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public String getHelpText() {
        return "Logs a device in with keys bootstrapped from its ISIM (3GPP GBA, TS 33.220): HTTP Digest over Ua with "
                + "Ks_NAF fetched from the BSF over Zn. Put it as ALTERNATIVE before the password form.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return GbaAuthenticatorConfig.PROPERTIES;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
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
        return PROVIDER_ID;
    }
}
