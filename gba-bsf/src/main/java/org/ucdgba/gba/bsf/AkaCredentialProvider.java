package org.ucdgba.gba.bsf;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Stores subscribers' AKA credentials ({@link AkaCredentialModel}) on the realm's users. They are provisioned by the
 * operator (realm import or the admin REST API) and verified only by the BSF's Ub endpoint, never by a password
 * form, so this provider validates nothing itself.
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
        return user.credentialManager().createStoredCredential(credential);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public AkaCredentialModel getCredentialFromModel(CredentialModel model) {
        return AkaCredentialModel.createFromCredentialModel(model);
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
