package org.ucdgba.federation.slave;

import java.io.IOException;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.ucdgba.federation.FederationError;
import org.ucdgba.federation.LibertyKeys;
import org.ucdgba.federation.SoapClient;
import org.ucdgba.federation.store.FederationEntity;
import org.ucdgba.federation.store.Federations;
import org.ucdgba.gba.core.EventDetails;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.NameIdentifier;
import org.ucdgba.liberty.RegisterNameIdentifierRequest;
import org.ucdgba.liberty.RegisterNameIdentifierResponse;
import org.ucdgba.liberty.Status;
import org.ucdgba.liberty.metadata.Profile;
import org.ucdgba.liberty.profile.Exchange;
import org.ucdgba.liberty.profile.NameLookup;
import org.ucdgba.liberty.profile.NameRegistration;
import org.ucdgba.liberty.profile.Renaming;

/**
 * Renamed accounts, both ways. A renamed slave account gives each master it is federated with its new name
 * identifier (rni-sp-soap: a RegisterNameIdentifierRequest whose OldProvidedNameIdentifier is the former name), so
 * that both sides name the account alike; a master that cannot be told keeps the former name, which this slave
 * still answers to, and a master that answers that it holds no such federation ends the link here too. A renamed
 * master account arrives the other way (rni-idp-http or -soap): decided by {@link #renaming}, applied by
 * {@link #apply}.
 */
public final class SlaveRenames {

    private static final Logger LOG = Logger.getLogger(SlaveRenames.class);

    private SlaveRenames() {
    }

    /** After a user was updated: each federation made under another name is registered under the current one. */
    public static void userUpdated(KeycloakSession session, RealmModel realm, UserModel user) {
        IdpPartners masters = new IdpPartners(session);
        String self = SlaveService.providerId(session, realm);
        for (FederationEntity f : Federations.of(session, realm).ofUser(user.getId())) {
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
                .detail(EventDetails.REREGISTERED, "true").detail(EventDetails.PREVIOUS_SLAVE_NAME_ID, f
                        .getLocalNameId());
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
                Federations.of(session, realm).remove(f);
                e.event(EventType.REMOVE_FEDERATED_IDENTITY).detail(EventDetails.PARTNER_NOTIFIED, "true")
                        .detail(Details.REASON, "the master holds no such federation").success();
                return;
            }
            if (!response.status().isSuccess()) {
                e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR).error(FederationError.PARTNER_REFUSED
                        .eventError(null));
                return;
            }
            f.setLocalNameId(user.getUsername());
            e.success();
        } catch (LibertyException | IOException | IllegalArgumentException ex) {
            LOG.warnf("master %s of realm %s keeps the former name of user %s: %s", alias, realm.getName(),
                    user.getId(), ex.getMessage());
            e.event(EventType.FEDERATED_IDENTITY_LINK_ERROR).detail(Details.REASON, ex.getMessage())
                    .error(FederationError.PARTNER_UNREACHABLE.eventError(null));
        }
    }

    /**
     * A master's RegisterNameIdentifierRequest (rni-idp-http or -soap): the master account of a federation has a
     * new name (IDPProvidedNameIdentifier), the federation being named by the former one
     * (OldProvidedNameIdentifier, either side's). Decided here, applied by {@link #apply} once the answer is built.
     */
    static Rename renaming(KeycloakSession session, RealmModel realm, String masterId,
                           RegisterNameIdentifierRequest request) {
        Federations store = Federations.of(session, realm);
        IdpPartners masters = new IdpPartners(session);
        String renamed = request.idpProvided().value();
        Optional<IdpPartners.Master> master = masters.masterByProviderId(masterId);
        // The slave's own name, when the request gives it, pins the federation.
        Optional<FederationEntity> former = store.named(masterId, request.oldProvided(), NameLookup.forRenaming(
                request.oldProvided(), masterId), f -> !f.getPartnerNameId().equals(renamed)
                && (request.spProvided() == null || f.getLocalNameId().equals(request.spProvided().value())));
        Optional<FederationEntity> holder = store.byPartnerName(masterId, renamed);
        boolean done = former.isEmpty() && holder.isPresent() && (request.spProvided() == null
                || holder.get().getLocalNameId().equals(request.spProvided().value()));
        UserModel user = former.or(() -> holder).map(f -> session.users().getUserById(realm, f.getUserId()))
                .orElse(null);
        Renaming decision = Renaming.decide(former.isPresent() && user != null && master.isPresent(), done, renamed,
                holder.isPresent(), SlaveService.MAX_NAME);
        return new Rename(decision, former.orElse(null), user, renamed,
                master.map(m -> m.model().getAlias()).orElse(null));
    }

    /** Gives the link and its record the master account's new name, if the decision was to rename. */
    static void apply(KeycloakSession session, RealmModel realm, Rename rename) {
        if (rename.decision() != Renaming.RENAME) {
            return;
        }
        rename.federation().setPartnerNameId(rename.renamed());
        // The link takes the new name too; a link removed meanwhile is not made again.
        if (session.users().removeFederatedIdentity(realm, rename.user(), rename.alias())) {
            session.users().addFederatedIdentity(realm, rename.user(), new FederatedIdentityModel(rename.alias(),
                    rename.renamed(), rename.renamed()));
        }
    }

    /**
     * A master's renaming as decided: the federation it renames and its user (null when none), the new name and the
     * master's alias.
     */
    record Rename(Renaming decision, FederationEntity federation, UserModel user, String renamed, String alias) {
    }
}
