package org.ucdgba.federation;

import java.io.IOException;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.NameIdentifier;
import org.ucdgba.liberty.metadata.Profile;

/**
 * When a user unlinks a master in the Account Console (event REMOVE_FEDERATED_IDENTITY), tells that master with a
 * FederationTerminationNotification (fedterm-sp-soap), at once or, when the master cannot be reached, through the
 * {@link TerminationOutbox}. Removals the master already knows of carry the detail
 * {@value SlaveResource#NOTIFIED_DETAIL} and are left alone. Enable it as the realm's event listener
 * {@value #ID}.
 */
public final class SlaveUnlinkListener implements EventListenerProvider {

    /** Event listener id to enable on slave realms. */
    public static final String ID = "ucd-federation";
    private static final Logger LOG = Logger.getLogger(SlaveUnlinkListener.class);

    private final KeycloakSession session;

    SlaveUnlinkListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() != EventType.REMOVE_FEDERATED_IDENTITY || event.getDetails() == null
                || "true".equals(event.getDetails().get(SlaveResource.NOTIFIED_DETAIL))) {
            return;
        }
        String alias = event.getDetails().get(Details.IDENTITY_PROVIDER);
        RealmModel realm = session.getContext().getRealm();
        IdpPartners masters = new IdpPartners(session);
        masters.byAlias(alias == null ? "" : alias).ifPresent(master -> {
            UserModel user = session.users().getUserById(realm, event.getUserId());
            if (user == null) {
                return;
            }
            String self = SlaveResource.providerId(session, realm);
            String masterId = master.partner().providerId();
            NameIdentifier name = SlaveResource.slaveName(session, realm, user, masterId);
            SlaveResource.forget(session, realm, user, masterId);
            try {
                TerminationNotifier.notify(LibertyKeys.exchange(session, realm, self, masters), masterId,
                        Profile.FEDTERM_SP_SOAP, name);
            } catch (LibertyException | IllegalArgumentException | IOException e) {
                LOG.infof("master %s of realm %s not reached, termination queued: %s", alias, realm.getName(),
                        e.getMessage());
                TerminationOutbox.enqueue(session, realm, self, masterId, Profile.FEDTERM_SP_SOAP, name);
            }
        });
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }

    /** Registers the listener. */
    public static final class Factory implements EventListenerProviderFactory {

        @Override
        public EventListenerProvider create(KeycloakSession session) {
            return new SlaveUnlinkListener(session);
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
            return ID;
        }
    }
}
