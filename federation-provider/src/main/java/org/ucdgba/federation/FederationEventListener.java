package org.ucdgba.federation;

import java.time.Duration;
import java.util.function.Consumer;
import org.keycloak.Config;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.ucdgba.federation.master.MasterRenames;
import org.ucdgba.federation.slave.IdpPartners;
import org.ucdgba.federation.slave.SlaveRenames;
import org.ucdgba.federation.slave.SlaveTerminations;
import org.ucdgba.gba.core.EventDetails;

/**
 * The federation event listener {@value #ID} (enable it on master and slave realms). At a slave: when a user
 * unlinks a master in the Account Console (event REMOVE_FEDERATED_IDENTITY), tells that master with a
 * FederationTerminationNotification (fedterm-sp-soap), at once or, when the master cannot be reached, through the
 * {@link TerminationOutbox}; removals the master already knows of carry the detail
 * {@value EventDetails#PARTNER_NOTIFIED} and are left alone; an administrator's removal of a link is told the same
 * way. At either: when a user is updated (UPDATE_PROFILE, UPDATE_EMAIL, an administrator's update), gives a renamed
 * account's partners its new name ({@link SlaveRenames}, {@link MasterRenames}). Its factory also registers the
 * {@link FederationLifecycle} (option {@code termination-retry-seconds}, default 30: the outbox's interval).
 */
public final class FederationEventListener implements EventListenerProvider {

    /** Event listener id to enable on slave realms. */
    public static final String ID = "ucd-federation";

    private final KeycloakSession session;

    FederationEventListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        // A user name changes with the profile or, when e-mails are user names, with the e-mail. (Not at each
        // login: a master that is down would hold every login up.)
        if (event.getType() == EventType.UPDATE_PROFILE || event.getType() == EventType.UPDATE_EMAIL) {
            userUpdated(event.getRealmId(), event.getUserId());
            return;
        }
        if (event.getType() == EventType.REMOVE_FEDERATED_IDENTITY && event.getDetails() != null
                && !"true".equals(event.getDetails().get(EventDetails.PARTNER_NOTIFIED))) {
            withRealm(event.getRealmId(), realm -> unlinked(realm, event.getUserId(),
                    event.getDetails().get(Details.IDENTITY_PROVIDER)));
        }
    }

    /** A link removed without the master being told (Account Console, administrator): the master is told now. */
    private void unlinked(RealmModel realm, String userId, String alias) {
        new IdpPartners(session).byAlias(alias == null ? "" : alias).ifPresent(master -> {
            UserModel user = userId == null ? null : session.users().getUserById(realm, userId);
            if (user != null) {
                new SlaveTerminations(session).linkRemoved(user, master);
            }
        });
    }

    /**
     * An administrator's update of a user (resource path {@code users/{id}}), or removal of a user's link
     * ({@code users/{id}/federated-identity/{alias}}).
     */
    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        String[] path = event.getResourcePath() == null ? new String[0] : event.getResourcePath().split("/");
        if (path.length < 2 || !"users".equals(path[0])) {
            return;
        }
        if (event.getOperationType() == OperationType.UPDATE && event.getResourceType() == ResourceType.USER
                && path.length == 2) {
            userUpdated(event.getRealmId(), path[1]);
        } else if (event.getOperationType() == OperationType.DELETE && path.length == 4
                && "federated-identity".equals(path[2])) {
            withRealm(event.getRealmId(), realm -> unlinked(realm, path[1], path[3]));
        }
    }

    private void userUpdated(String realmId, String userId) {
        withRealm(realmId, realm -> {
            UserModel user = userId == null ? null : session.users().getUserById(realm, userId);
            if (user != null) {
                SlaveRenames.userUpdated(session, realm, user);
                MasterRenames.userUpdated(session, realm, user);
            }
        });
    }

    /** Runs with the event's realm as the session's realm (an admin request's may be another). */
    private void withRealm(String realmId, Consumer<RealmModel> task) {
        RealmModel realm = realmId == null ? null : session.realms().getRealm(realmId);
        if (realm == null) {
            return;
        }
        RealmModel current = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            task.accept(realm);
        } finally {
            session.getContext().setRealm(current);
        }
    }

    @Override
    public void close() {
    }

    /** Registers the listener. */
    public static final class Factory implements EventListenerProviderFactory {

        private Duration retryInterval;

        @Override
        public EventListenerProvider create(KeycloakSession session) {
            return new FederationEventListener(session);
        }

        @Override
        public void init(Config.Scope config) {
            retryInterval = Duration.ofSeconds(config.getInt("terminationRetrySeconds", 30));
        }

        @Override
        public void postInit(KeycloakSessionFactory factory) {
            FederationLifecycle.register(factory, retryInterval);
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
