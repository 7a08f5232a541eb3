package org.ucdgba.gba.bsf;

import jakarta.ws.rs.core.Response;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.ErrorResponseException;

/**
 * Stores subscribers' AKA credentials ({@link AkaCredentialModel}) on the realm's users. They are provisioned by the
 * operator (realm import or the admin REST API) and verified only by the BSF's Ub endpoint, never by a password
 * form. Provisioning keeps the subscriber whole: a user holds at most one AKA credential (setting one replaces the
 * last), an unusable K, OPc, AMF or SQN is a 400 naming the field, and an IMPI or IMPU that another user of the
 * realm holds is a 409 naming it. Nothing is written when a check fails.
 */
public final class AkaCredentialProvider implements CredentialProvider<AkaCredentialModel> {

    private final KeycloakSession session;

    AkaCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return AkaCredentialModel.TYPE;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, AkaCredentialModel credential) {
        String impi = user.getFirstAttribute(BsfConfig.IMPI_ATTRIBUTE);
        if (impi == null || impi.isBlank()) {
            throw refused(Response.Status.BAD_REQUEST, "a gba-aka credential needs the user attribute "
                    + BsfConfig.IMPI_ATTRIBUTE);
        }
        refuseTaken(realm, user, BsfConfig.IMPI_ATTRIBUTE, impi);
        user.getAttributeStream(BsfConfig.IMPU_ATTRIBUTE).forEach(impu ->
                refuseTaken(realm, user, BsfConfig.IMPU_ATTRIBUTE, impu));
        // One AKA credential per subscriber: a new one replaces the last (it carries the SQN to continue from).
        user.credentialManager().getStoredCredentialsByTypeStream(AkaCredentialModel.TYPE).toList()
                .forEach(old -> user.credentialManager().removeStoredCredentialById(old.getId()));
        return user.credentialManager().createStoredCredential(credential);
    }

    private void refuseTaken(RealmModel realm, UserModel user, String attribute, String value) {
        if (SubscriberIdentities.heldByAnother(session, realm, user.getId(), attribute, value)) {
            throw SubscriberIdentities.conflict(attribute, value);
        }
    }

    private static ErrorResponseException refused(Response.Status status, String description) {
        return new ErrorResponseException("invalid_gba_aka_credential", description, status);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public AkaCredentialModel getCredentialFromModel(CredentialModel model) {
        try {
            return AkaCredentialModel.createFromCredentialModel(model);
        } catch (IllegalArgumentException e) {
            throw refused(Response.Status.BAD_REQUEST, "gba-aka credential: " + e.getMessage());
        }
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName("gba-aka-display-name")
                .helpText("gba-aka-help-text")
                .removeable(false)
                .build(session);
    }

    @Override
    public void close() {
    }
}
