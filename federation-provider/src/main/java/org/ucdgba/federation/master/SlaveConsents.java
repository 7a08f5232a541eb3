package org.ucdgba.federation.master;

import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserConsentModel;
import org.keycloak.models.UserModel;
import org.ucdgba.federation.store.FederationEntity;
import org.ucdgba.gba.core.EventDetails;

/**
 * A master's federation as Keycloak shows it: the user's consent to the slave's client, given with the user's
 * confirmation of the federation ({@link FederationConsent}) and withdrawn when the federation ends. So the master
 * user's federations are listed where Keycloak lists what a user agreed to: the user's page in the admin console
 * (Consents, with Revoke) and the Account Console (Applications, with Remove access); withdrawing the consent there
 * ends the federation ({@link #withdrawn}, called by {@link MasterProtocolFactory#onConsentRevoked}). The consent
 * is Keycloak's own row (table USER_CONSENT), one per user and slave, like the federation record.
 */
final class SlaveConsents {

    private SlaveConsents() {
    }

    /** The federation was made: the user has consented to the slave. */
    static void granted(KeycloakSession session, RealmModel realm, UserModel user, ClientModel slave) {
        if (session.users().getConsentByClient(realm, user.getId(), slave.getId()) == null) {
            session.users().addConsent(realm, user.getId(), new UserConsentModel(slave));
        }
    }

    /** The federation ended: its consent goes (Keycloak's row only; the user's sessions are left alone). */
    static void ended(KeycloakSession session, RealmModel realm, FederationEntity f) {
        ClientModel slave = realm.getClientByClientId(f.getPartnerId());
        if (slave != null) {
            session.users().revokeConsentForClient(realm, f.getUserId(), slave.getId());
        }
    }

    /**
     * The user's consent to a slave was withdrawn in the Account Console or by an administrator (Keycloak has
     * removed it): the federation ends, the slave told by SOAP or through the outbox.
     */
    static void withdrawn(KeycloakSession session, RealmModel realm, UserModel user, ClientModel slave) {
        MasterService master = new MasterService(session, realm);
        master.federation(user, slave.getClientId()).ifPresent(f -> {
            boolean told = master.endOrQueue(f);
            new EventBuilder(realm, session, session.getContext().getConnection())
                    .event(EventType.REMOVE_FEDERATED_IDENTITY).client(slave).user(user)
                    .detail(EventDetails.SLAVE_NAME_ID, f.getPartnerNameId())
                    .detail(EventDetails.PARTNER_NOTIFIED, Boolean.toString(told)).success();
        });
    }
}
