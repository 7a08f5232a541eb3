package org.ucdgba.federation.master;

import java.io.IOException;
import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.ucdgba.federation.FederationError;
import org.ucdgba.federation.store.FederationEntity;
import org.ucdgba.gba.core.EventDetails;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.RegisterNameIdentifierResponse;
import org.ucdgba.liberty.Status;

/**
 * A renamed master account gives each slave it is federated with its new name identifier (rni-idp-soap: a
 * RegisterNameIdentifierRequest whose OldProvidedNameIdentifier is the former name), so that both sides name the
 * account alike. A slave that cannot be told keeps the former name, which this master still answers to; a slave
 * that answers that it holds no such federation ends it here too.
 */
public final class MasterRenames {

    private static final Logger LOG = Logger.getLogger(MasterRenames.class);

    private MasterRenames() {
    }

    /** After a user was updated: each federation with a slave made under another name is registered anew. */
    public static void userUpdated(KeycloakSession session, RealmModel realm, UserModel user) {
        MasterService master = new MasterService(session, realm);
        ClientPartners slaves = new ClientPartners(realm);
        for (FederationEntity f : master.store().ofUser(user.getId())) {
            if (slaves.byProviderId(f.getPartnerId()).isPresent()
                    && !f.getLocalNameId().equals(user.getUsername())) {
                register(session, realm, master, user, f);
            }
        }
    }

    private static void register(KeycloakSession session, RealmModel realm, MasterService master, UserModel user,
                                 FederationEntity f) {
        EventBuilder e = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.FEDERATED_IDENTITY_LINK).client(f.getPartnerId()).user(user)
                .detail(EventDetails.REREGISTERED, "true").detail(EventDetails.PREVIOUS_MASTER_NAME_ID,
                        f.getLocalNameId()).detail(EventDetails.MASTER_NAME_ID, user.getUsername());
        try {
            RegisterNameIdentifierResponse response = master.renameBySoap(user, f);
            if (Status.FEDERATION_DOES_NOT_EXIST.equals(response.status().secondLevel())) {
                // The slave holds no such federation (it ended there unannounced): it ends here too.
                master.forget(f);
                e.event(EventType.REMOVE_FEDERATED_IDENTITY).detail(EventDetails.PARTNER_NOTIFIED, "true")
                        .detail(Details.REASON, "the slave holds no such federation").success();
            } else if (!response.status().isSuccess()) {
                FederationError.PARTNER_REFUSED.on(e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR), (String) null);
            } else {
                e.success();
            }
        } catch (LibertyException | IOException | IllegalArgumentException ex) {
            LOG.warnf("slave %s of realm %s keeps the former name of user %s: %s", f.getPartnerId(),
                    realm.getName(), user.getId(), ex.getMessage());
            FederationError.PARTNER_UNREACHABLE.on(e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR), ex.getMessage());
        }
    }
}
