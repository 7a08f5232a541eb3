package org.ucdgba.federation;

import java.io.IOException;
import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.NameIdentifier;
import org.ucdgba.liberty.RegisterNameIdentifierRequest;
import org.ucdgba.liberty.RegisterNameIdentifierResponse;
import org.ucdgba.liberty.Status;
import org.ucdgba.liberty.metadata.Profile;
import org.ucdgba.liberty.profile.Exchange;
import org.ucdgba.liberty.profile.NameRegistration;

/**
 * A renamed slave account gives each master it is federated with its new name identifier (rni-sp-soap: a
 * RegisterNameIdentifierRequest whose OldProvidedNameIdentifier is the former name), so that both sides name the
 * account alike. A master that cannot be told keeps the former name, which this slave still answers to; a master
 * that answers that it holds no such federation ends the link here too.
 */
final class SlaveRenames {

    private static final Logger LOG = Logger.getLogger(SlaveRenames.class);

    private SlaveRenames() {
    }

    /** After a user was updated: each federation made under another name is registered under the current one. */
    static void userUpdated(KeycloakSession session, RealmModel realm, UserModel user) {
        IdpPartners masters = new IdpPartners(session);
        String self = SlaveService.providerId(session, realm);
        for (FederationEntity f : new FederationStore(session, realm).ofUser(user.getId())) {
            masters.masterByProviderId(f.getPartnerId())
                    .filter(master -> !f.getLocalNameId().equals(user.getUsername()))
                    .ifPresent(master -> register(session, realm, user, f, master.model().getAlias(),
                            LibertyKeys.exchange(session, realm, self, masters)));
        }
    }

    private static void register(KeycloakSession session, RealmModel realm, UserModel user, FederationEntity f,
                                 String alias, Exchange exchange) {
        String masterId = f.getPartnerId();
        String self = exchange.self().providerId();
        EventBuilder e = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.FEDERATED_IDENTITY_LINK).user(user).detail(Details.IDENTITY_PROVIDER, alias)
                .detail("reregistered", "true").detail("previous_slave_name_id", f.getLocalNameId());
        try {
            NameRegistration rni = new NameRegistration(exchange);
            RegisterNameIdentifierRequest request = rni.initRequest(masterId, Profile.RNI_SP_SOAP,
                    new NameIdentifier(f.getPartnerNameId(), masterId, null),
                    NameIdentifier.federated(user.getUsername(), self),
                    NameIdentifier.federated(f.getLocalNameId(), self), null);
            byte[] answer = SoapClient.post(exchange.partner(masterId), rni.buildRequestSoap(masterId, request));
            RegisterNameIdentifierResponse response = rni.processResponseSoap(answer, request.requestId(), masterId);
            if (Status.FEDERATION_DOES_NOT_EXIST.equals(response.status().secondLevel())) {
                // The master holds no such federation (it ended there unannounced): the link here goes too.
                session.users().removeFederatedIdentity(realm, user, alias);
                new FederationStore(session, realm).remove(f);
                e.event(EventType.REMOVE_FEDERATED_IDENTITY).detail(SlaveService.NOTIFIED_DETAIL, "true")
                        .detail(Details.REASON, "the master holds no such federation").success();
                return;
            }
            if (!response.status().isSuccess()) {
                e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR).error("liberty_master_refused");
                return;
            }
            f.setLocalNameId(user.getUsername());
            e.success();
        } catch (LibertyException | IOException | IllegalArgumentException ex) {
            LOG.warnf("master %s of realm %s keeps the former name of user %s: %s", alias, realm.getName(),
                    user.getId(), ex.getMessage());
            e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR).detail(Details.REASON, ex.getMessage())
                    .error("liberty_master_unreachable");
        }
    }
}
