package org.ucdgba.federation;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.ucdgba.liberty.FederationTerminationNotification;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.NameIdentifier;
import org.ucdgba.liberty.RegisterNameIdentifierRequest;
import org.ucdgba.liberty.metadata.Profile;
import org.ucdgba.liberty.profile.Exchange;
import org.ucdgba.liberty.profile.NameRegistration;
import org.ucdgba.liberty.profile.Renaming;

/**
 * The Slave UCD server's federation rules, with no HTTP in them: when a federation may start, what links it, and
 * what a master's termination or renaming does to it. A link is the user's federated identity with the master's
 * identity provider (seed step 9, shown in the Account Console) together with its {@link FederationEntity}, which
 * keeps both name identifiers; the two change together.
 */
final class SlaveService {

    /** Event detail on a removal the partner already knows of, so that no termination is sent again. */
    static final String NOTIFIED_DETAIL = "liberty_partner_notified";
    /** The longest name identifier a federation records (UCD_FEDERATION). */
    static final int MAX_NAME = 255;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final IdpPartners masters;

    SlaveService(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.masters = new IdpPartners(session);
    }

    /** The slave's ProviderID: the URL of its federation resource in the realm. */
    static String providerId(KeycloakSession session, RealmModel realm) {
        return LibertyKeys.realmUrl(session, realm) + "/" + SlaveResourceProviderFactory.ID;
    }

    IdpPartners masters() {
        return masters;
    }

    Exchange exchange() {
        return LibertyKeys.exchange(session, realm, providerId(session, realm), masters);
    }

    private FederationStore store() {
        return new FederationStore(session, realm);
    }

    /** Master account names compare as the master does: trimmed and in lower case. */
    static String normalized(String account) {
        return account.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Why a federation cannot start, if it cannot: this user already has one with this master (it must end first),
     * the master account is federated with another account here, or the master still knows another account here
     * by this user's name.
     */
    Optional<String> conflict(UserModel user, IdpPartners.Master master, String account) {
        String alias = master.model().getAlias();
        if (session.users().getFederatedIdentity(realm, user, alias) != null) {
            return Optional.of("this account is already federated with " + alias + "; end that federation first");
        }
        UserModel holder = session.users().getUserByFederatedIdentity(realm,
                new FederatedIdentityModel(alias, normalized(account), normalized(account)));
        if (holder != null) {
            return Optional.of("this master account is already federated with another account here");
        }
        // The master still knows another account here by this user name (its rename did not reach the master).
        boolean nameTaken = store().byLocalName(master.partner().providerId(), user.getUsername())
                .filter(f -> !f.getUserId().equals(user.getId())).isPresent();
        return nameTaken ? Optional.of("the master still knows another account here by this user name")
                : Optional.empty();
    }

    /**
     * Seed step 5: the signed RegisterNameIdentifierRequest for a master, remembered until its response comes back;
     * answers its RequestID and the URL of the master the user agent must follow.
     */
    Started federate(UserModel user, IdpPartners.Master master, String account) throws LibertyException {
        String masterId = master.partner().providerId();
        NameIdentifier masterName = new NameIdentifier(normalized(account), masterId, null);
        NameRegistration rni = new NameRegistration(exchange());
        NameIdentifier slaveName = NameIdentifier.federated(user.getUsername(), providerId(session, realm));
        // A termination of this master account's former federation, still queued, would end the new one.
        TerminationOutbox.cancel(session, realm, masterId, masterName.value());
        RegisterNameIdentifierRequest request = rni.initRequest(masterId, Profile.RNI_SP_HTTP, masterName,
                slaveName, masterName, null);
        new PendingRegistration(user.getId(), masterId, master.model().getAlias(), slaveName.value(),
                masterName.value()).put(session, realm, request.requestId(), PendingRegistration.SLAVE_SECONDS);
        return new Started(request.requestId(), rni.buildRequestRedirect(masterId, request));
    }

    /**
     * Seed step 9: links the user of an answered request with the master account; false when that master account
     * is federated with another account here meanwhile.
     */
    boolean link(UserModel user, PendingRegistration pending) {
        FederatedIdentityModel link = new FederatedIdentityModel(pending.alias(), pending.partnerName(),
                pending.partnerName());
        UserModel holder = session.users().getUserByFederatedIdentity(realm, link);
        if (holder != null && !holder.getId().equals(user.getId())) {
            return false;
        }
        if (session.users().getFederatedIdentity(realm, user, pending.alias()) != null) {
            session.users().removeFederatedIdentity(realm, user, pending.alias());
        }
        session.users().addFederatedIdentity(realm, user, link);
        store().link(providerId(session, realm), user.getId(), pending.partnerId(), pending.localName(),
                pending.partnerName());
        return true;
    }

    /**
     * The federation's name identifier as the master issued it (the master account), which terminations towards
     * the master carry: the record's, else the link's.
     */
    NameIdentifier masterName(UserModel user, IdpPartners.Master master) {
        String masterId = master.partner().providerId();
        String name = store().ofUser(user.getId()).stream().filter(f -> f.getPartnerId().equals(masterId))
                .map(FederationEntity::getPartnerNameId).findFirst().orElseGet(() -> {
                    FederatedIdentityModel link = session.users().getFederatedIdentity(realm, user,
                            master.model().getAlias());
                    return link == null ? user.getUsername() : link.getUserId();
                });
        return NameIdentifier.federated(name, masterId);
    }

    /** Removes the user's link with a master, and its record. */
    void unlink(UserModel user, String alias, String masterId) {
        session.users().removeFederatedIdentity(realm, user, alias);
        FederationStore store = store();
        store.ofUser(user.getId()).stream().filter(f -> f.getPartnerId().equals(masterId)).forEach(store::remove);
    }

    /**
     * A master's FederationTerminationNotification (fedterm-idp-http or -soap): the link it names, by either name
     * identifier, ends here. Answers who lost a link, if anyone did.
     */
    Optional<UserModel> terminated(String masterId, FederationTerminationNotification notification) {
        Optional<IdpPartners.Master> master = masters.masterByProviderId(masterId);
        Optional<FederationEntity> federation = store().named(masterId, notification.nameIdentifier());
        if (master.isEmpty() || federation.isEmpty()) {
            return Optional.empty();
        }
        UserModel user = session.users().getUserById(realm, federation.get().getUserId());
        if (user == null) {
            store().remove(federation.get());
            return Optional.empty();
        }
        unlink(user, master.get().model().getAlias(), masterId);
        return Optional.of(user);
    }

    /**
     * A master's RegisterNameIdentifierRequest (rni-idp-http or -soap): the master account of a federation has a
     * new name (IDPProvidedNameIdentifier), the federation being named by the former one
     * (OldProvidedNameIdentifier, either side's). Decided here, applied by {@link #apply} once the answer is built.
     */
    Rename renaming(String masterId, RegisterNameIdentifierRequest request) {
        FederationStore store = store();
        String renamed = request.idpProvided().value();
        Optional<IdpPartners.Master> master = masters.masterByProviderId(masterId);
        Optional<FederationEntity> former = store.named(masterId, request.oldProvided(),
                f -> !f.getPartnerNameId().equals(renamed));
        Optional<FederationEntity> holder = store.byPartnerName(masterId, renamed);
        boolean done = former.isEmpty() && holder.isPresent() && (request.spProvided() == null
                || holder.get().getLocalNameId().equals(request.spProvided().value()));
        UserModel user = former.or(() -> holder).map(f -> session.users().getUserById(realm, f.getUserId()))
                .orElse(null);
        Renaming decision = Renaming.decide(former.isPresent() && user != null && master.isPresent(), done, renamed,
                holder.isPresent(), MAX_NAME);
        return new Rename(decision, former.orElse(null), user, renamed,
                master.map(m -> m.model().getAlias()).orElse(null));
    }

    /** Gives the link and its record the master account's new name, if the decision was to rename. */
    void apply(Rename rename) {
        if (rename.decision() != Renaming.RENAME) {
            return;
        }
        rename.federation().setPartnerNameId(rename.renamed());
        session.users().removeFederatedIdentity(realm, rename.user(), rename.alias());
        session.users().addFederatedIdentity(realm, rename.user(), new FederatedIdentityModel(rename.alias(),
                rename.renamed(), rename.renamed()));
    }

    /** A federation request on its way to the master. */
    record Started(String requestId, URI redirect) {
    }

    /**
     * A master's renaming as decided: the federation it renames and its user (null when none), the new name and the
     * master's alias.
     */
    record Rename(Renaming decision, FederationEntity federation, UserModel user, String renamed, String alias) {
    }
}
