package org.ucdgba.gba.bsf;

import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Errors;
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

    /**
     * The outcome of looking a subscriber up: the subscriber, or the event error saying why there is none (no user,
     * two users with the IMPI, a disabled user, no or two AKA credentials, an unusable or a suspended one). The
     * device is never told which: the BSF answers all of them alike.
     */
    record Lookup(Subscriber subscriber, String error) {

        static Lookup refused(String error) {
            return new Lookup(null, error);
        }

        Optional<Subscriber> found() {
            return Optional.ofNullable(subscriber);
        }
    }

    /** The subscriber with this IMPI: exactly one enabled user with exactly one usable AKA credential. */
    static Lookup byImpi(KeycloakSession session, RealmModel realm, String impi) {
        List<UserModel> users = session.users()
                .searchForUserByUserAttributeStream(realm, BsfConfig.IMPI_ATTRIBUTE, impi)
                .limit(2)
                .toList();
        if (users.isEmpty()) {
            return Lookup.refused(BsfErrors.UNKNOWN_SUBSCRIBER);
        }
        if (users.size() > 1) {
            LOG.warnf("two users of realm %s hold one IMPI; GBA refused for both", realm.getName());
            return Lookup.refused(BsfErrors.DUPLICATE_IMPI);
        }
        return byUser(users.get(0));
    }

    /** The subscriber view of a user. */
    static Lookup byUser(UserModel user) {
        String impi = user.getFirstAttribute(BsfConfig.IMPI_ATTRIBUTE);
        if (impi == null) {
            return Lookup.refused(BsfErrors.UNKNOWN_SUBSCRIBER);
        }
        if (!user.isEnabled()) {
            return Lookup.refused(Errors.USER_DISABLED);
        }
        List<CredentialModel> credentials = user.credentialManager()
                .getStoredCredentialsByTypeStream(AkaCredentialModel.TYPE).limit(2).toList();
        if (credentials.isEmpty()) {
            return Lookup.refused(BsfErrors.NO_CREDENTIAL);
        }
        if (credentials.size() > 1) {
            LOG.warnf("user %s has two %s credentials; GBA refused", user.getId(), AkaCredentialModel.TYPE);
            return Lookup.refused(BsfErrors.DUPLICATE_CREDENTIAL);
        }
        CredentialModel stored = credentials.get(0);
        try {
            AkaCredentialModel aka = AkaCredentialModel.createFromCredentialModel(stored);
            return aka.suspended() ? Lookup.refused(BsfErrors.SUSPENDED)
                    : new Lookup(new Subscriber(user, impi, stored, aka), null);
        } catch (IllegalArgumentException e) {
            LOG.warnf("user %s has an unusable %s credential: %s", user.getId(), AkaCredentialModel.TYPE,
                    e.getMessage());
            return Lookup.refused(BsfErrors.UNUSABLE_CREDENTIAL);
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

}
