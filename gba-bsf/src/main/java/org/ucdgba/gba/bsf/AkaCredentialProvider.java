package org.ucdgba.gba.bsf;

import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.ErrorResponseException;
import org.ucdgba.gba.core.aka.Sqn;

/**
 * Stores subscribers' AKA credentials ({@link AkaCredentialModel}) on the realm's users. They are provisioned by the
 * operator (realm import or the admin REST API) and verified only by the BSF's Ub endpoint, never by a password
 * form. Provisioning keeps the subscriber whole: a user holds at most one AKA credential (setting one replaces the
 * last), an unusable K, OPc, AMF or SQN is a 400 naming the field, and an IMPI or IMPU that another user of the
 * realm holds is a 409 naming it. Nothing is written when a check fails.
 */
public final class AkaCredentialProvider implements CredentialProvider<AkaCredentialModel> {

    /** The label of a card given by an import or the admin console. */
    static final String LABEL = "SIM (ISIM) subscription";

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

    /**
     * Gives the user this card as its one {@code gba-aka} credential, as an import or the admin console's tab does:
     * nothing changes when the user holds it already (same K, OPc and AMF); for the same K and OPc the SQN goes on,
     * for a new card it starts again. Answers whether anything changed.
     */
    static boolean giveCard(UserModel user, byte[] k, byte[] opc, byte[] amf) {
        List<CredentialModel> stored = user.credentialManager()
                .getStoredCredentialsByTypeStream(AkaCredentialModel.TYPE).toList();
        Optional<AkaCredentialModel> current = Optional.empty();
        if (stored.size() == 1) {
            try {
                current = Optional.of(AkaCredentialModel.createFromCredentialModel(stored.get(0)));
            } catch (IllegalArgumentException e) {
                // unreadable: replaced below
            }
        }
        boolean sameCard = current.isPresent() && current.get().holds(k, opc);
        if (sameCard && Arrays.equals(current.get().amf(), amf)) {
            return false;
        }
        // The same card with another AMF keeps its SQN and, if the operator suspended it, stays suspended.
        Sqn sqn = sameCard ? current.get().sqn() : new Sqn(0);
        boolean suspended = sameCard && current.get().suspended();
        stored.forEach(old -> user.credentialManager().removeStoredCredentialById(old.getId()));
        addCard(user, k, opc, amf, sqn, suspended);
        return true;
    }

    /**
     * Suspends or resumes the user's SIM, under the SQN's row lock ({@link SubscriberSqn#change}); an unreadable
     * credential is left as it is (the BSF refuses it anyway).
     */
    static void suspend(KeycloakSession session, UserModel user, boolean suspended) {
        user.credentialManager().getStoredCredentialsByTypeStream(AkaCredentialModel.TYPE).toList()
                .forEach(c -> SubscriberSqn.change(session, user, c.getId(), card -> card.setSuspended(suspended)));
    }

    /** Stores a card's credential on a user known to hold none (a user just created), without looking. */
    static void addCard(UserModel user, byte[] k, byte[] opc, byte[] amf, Sqn sqn, boolean suspended) {
        AkaCredentialModel card = AkaCredentialModel.create(k, opc, amf, sqn);
        card.setUserLabel(LABEL);
        if (suspended) {
            card.setSuspended(true);
        }
        user.credentialManager().createStoredCredential(card);
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
