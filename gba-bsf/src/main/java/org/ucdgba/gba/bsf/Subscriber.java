package org.ucdgba.gba.bsf;

import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.ucdgba.gba.core.guss.Guss;
import org.ucdgba.gba.core.xml.XmlException;
import org.ucdgba.io.RefusedInput;

/**
 * A realm user who is a GBA subscriber: an enabled user whose {@value BsfConfig#IMPI_ATTRIBUTE} attribute is the
 * IMPI and who holds exactly one {@link AkaCredentialModel}. This is the HSS of a lab.
 */
record Subscriber(UserModel user, String impi, CredentialModel stored, AkaCredentialModel aka) {

    private static final Logger LOG = Logger.getLogger(Subscriber.class);

    /** The subscriber with this IMPI, if there is exactly one enabled user with a usable AKA credential. */
    static Optional<Subscriber> byImpi(KeycloakSession session, RealmModel realm, String impi) {
        List<UserModel> users = session.users()
                .searchForUserByUserAttributeStream(realm, BsfConfig.IMPI_ATTRIBUTE, impi)
                .limit(2)
                .toList();
        if (users.size() != 1 || !users.get(0).isEnabled()) {
            return Optional.empty();
        }
        return byUser(users.get(0));
    }

    /** The subscriber view of a user. */
    static Optional<Subscriber> byUser(UserModel user) {
        String impi = user.getFirstAttribute(BsfConfig.IMPI_ATTRIBUTE);
        List<CredentialModel> credentials = user.credentialManager()
                .getStoredCredentialsByTypeStream(AkaCredentialModel.TYPE).limit(2).toList();
        if (impi == null || credentials.size() != 1) {
            return Optional.empty();
        }
        CredentialModel stored = credentials.get(0);
        try {
            return Optional.of(new Subscriber(user, impi, stored,
                    AkaCredentialModel.createFromCredentialModel(stored)));
        } catch (IllegalArgumentException e) {
            LOG.warnf("user %s has an unusable %s credential: %s", user.getId(), AkaCredentialModel.TYPE,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The subscriber's GBA User Security Settings (TS 29.109 Annex A) as provisioned in the
     * {@value BsfConfig#GUSS_ATTRIBUTE} attribute, standing in for the HSS's answer on Zh; empty when none is
     * provisioned or it is unusable (logged for the operator).
     */
    Optional<Guss> guss() {
        String xml = user.getFirstAttribute(BsfConfig.GUSS_ATTRIBUTE);
        if (xml == null || xml.isBlank()) {
            return Optional.empty();
        }
        try {
            Guss guss = Guss.parse(xml);
            if (!guss.impi().equals(impi)) {
                throw new XmlException("GUSS id is not the user's IMPI");
            }
            return Optional.of(guss);
        } catch (RefusedInput e) {
            LOG.warnf("user %s has an unusable GUSS: %s", user.getId(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The identities a NAF of the given group may learn on Zn: the uids of the GUSS's USSs for that group, or,
     * without a GUSS, the {@value BsfConfig#IMPU_ATTRIBUTE} attribute.
     */
    List<String> impusFor(String nafGroup) {
        return guss().map(g -> g.uidsFor(nafGroup))
                .orElseGet(() -> user.getAttributeStream(BsfConfig.IMPU_ATTRIBUTE).toList());
    }

    /** Stores the AKA credential after its SQN changed. */
    void saveSqn() {
        stored.setSecretData(aka.getSecretData());
        user.credentialManager().updateStoredCredential(stored);
    }
}
