package org.ucdgba.gba.naf;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * Tells an OIDC relying party that the user was authenticated with GBA: {@code acr} becomes the GBA authentication
 * context and {@code impu} lists the public identities the BSF returned. Applies only to sessions that a GBA login
 * started; it runs after Keycloak's own acr mapper so that its value is the one the token carries.
 */
public final class GbaClaimsMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper {

    /** Provider id. */
    public static final String PROVIDER_ID = "gba-claims-mapper";
    /** The claim listing the IMPUs. */
    public static final String IMPU_CLAIM = "impu";
    private static final List<ProviderConfigProperty> PROPERTIES = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(PROPERTIES, GbaClaimsMapper.class);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "GBA authentication context and IMPUs";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "After a GBA (SIM) login: sets acr to the GBA authentication context and adds the 'impu' claim.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }

    @Override
    public int getPriority() {
        return 100;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession keycloakSession, ClientSessionContext clientSessionCtx) {
        String acr = userSession.getNote(GbaAuthenticator.NOTE_ACR);
        if (acr == null) {
            return;
        }
        token.setAcr(acr);
        List<String> impus = GbaAuthenticator.impus(userSession.getNote(GbaAuthenticator.NOTE_IMPU));
        if (!impus.isEmpty()) {
            token.getOtherClaims().put(IMPU_CLAIM, impus);
        }
    }
}
