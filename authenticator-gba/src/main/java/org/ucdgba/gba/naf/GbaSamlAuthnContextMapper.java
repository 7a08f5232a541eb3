package org.ucdgba.gba.naf;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.assertion.AuthnContextClassRefType;
import org.keycloak.dom.saml.v2.assertion.AuthnContextType;
import org.keycloak.dom.saml.v2.assertion.AuthnStatementType;
import org.keycloak.dom.saml.v2.protocol.ResponseType;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.saml.mappers.AbstractSAMLProtocolMapper;
import org.keycloak.protocol.saml.mappers.SAMLLoginResponseMapper;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Tells a SAML service provider that the user was authenticated with GBA: the assertion's AuthnStatement carries
 * the GBA authentication context as AuthnContextClassRef (TS 29.109 Annex E/F). Applies only to sessions a GBA
 * login started; the assertion is signed after mappers ran, so the value is covered by the signature.
 */
public final class GbaSamlAuthnContextMapper extends AbstractSAMLProtocolMapper implements SAMLLoginResponseMapper {

    /** Provider id. */
    public static final String PROVIDER_ID = "gba-saml-authn-context-mapper";
    private static final Logger LOG = Logger.getLogger(GbaSamlAuthnContextMapper.class);

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "GBA AuthnContextClassRef";
    }

    @Override
    public String getDisplayCategory() {
        return "AuthnContext";
    }

    @Override
    public String getHelpText() {
        return "After a GBA (SIM) login: puts the GBA authentication context into the assertion's AuthnStatement.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public ResponseType transformLoginResponse(ResponseType response, ProtocolMapperModel mappingModel,
                                               KeycloakSession session, UserSessionModel userSession,
                                               ClientSessionContext clientSessionCtx) {
        URI classRef = classRef(userSession.getNote(GbaAuthenticator.NOTE_ACR));
        if (classRef == null) {
            return response;
        }
        for (ResponseType.RTChoiceType choice : response.getAssertions()) {
            AssertionType assertion = choice.getAssertion();
            if (assertion == null) {
                continue;
            }
            assertion.getStatements().stream()
                    .filter(AuthnStatementType.class::isInstance)
                    .map(AuthnStatementType.class::cast)
                    .forEach(statement -> {
                        AuthnContextType context = new AuthnContextType();
                        AuthnContextType.AuthnContextTypeSequence sequence =
                                new AuthnContextType.AuthnContextTypeSequence();
                        sequence.setClassRef(new AuthnContextClassRefType(classRef));
                        context.setSequence(sequence);
                        statement.setAuthnContext(context);
                    });
        }
        return response;
    }

    private static URI classRef(String acr) {
        if (acr == null) {
            return null;
        }
        try {
            return new URI(acr);
        } catch (URISyntaxException e) {
            LOG.warnf("GBA acr setting is not a URI, AuthnContextClassRef left unchanged: %s", e.getMessage());
            return null;
        }
    }
}
