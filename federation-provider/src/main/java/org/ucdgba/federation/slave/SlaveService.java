package org.ucdgba.federation.slave;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.ucdgba.federation.LibertyKeys;
import org.ucdgba.federation.PendingRegistration;
import org.ucdgba.federation.store.FederationStore;
import org.ucdgba.federation.store.Federations;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.NameIdentifier;
import org.ucdgba.liberty.RegisterNameIdentifierRequest;
import org.ucdgba.liberty.metadata.Profile;
import org.ucdgba.liberty.profile.Exchange;
import org.ucdgba.liberty.profile.NameRegistration;
import org.ucdgba.liberty.profile.NewFederation;

/**
 * The Slave UCD server's federation rules, with no HTTP in them: when a federation may start, what links it, and
 * what a master's termination or renaming does to it. A link is the user's federated identity with the master's
 * identity provider (seed step 9, shown in the Account Console) together with its {@link FederationEntity}, which
 * keeps both name identifiers; the two change together.
 */
public final class SlaveService {

    /** The longest name identifier a federation records (UCD_FEDERATION). */
    public static final int MAX_NAME = 255;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final IdpPartners masters;

    /** The slave of the session's realm. */
    public SlaveService(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.masters = new IdpPartners(session);
    }

    /** The slave's ProviderID: the URL of its federation resource in the realm. */
    public static String providerId(KeycloakSession session, RealmModel realm) {
        return LibertyKeys.realmUrl(session, realm) + "/" + SlaveResourceProviderFactory.ID;
    }

    IdpPartners masters() {
        return masters;
    }

    Exchange exchange() {
        return LibertyKeys.exchange(session, realm, providerId(session, realm), masters);
    }

    private Federations store() {
        return Federations.of(session, realm);
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
    Optional<Conflict> conflict(UserModel user, IdpPartners.Master master, String account) {
        String alias = master.model().getAlias();
        boolean taken = session.users().getUserByFederatedIdentity(realm,
                new FederatedIdentityModel(alias, normalized(account), normalized(account))) != null;
        // The master still knows another account here by this user name (its rename did not reach the master).
        boolean nameTaken = store().byLocalName(master.partner().providerId(), user.getUsername())
                .filter(f -> !f.getUserId().equals(user.getId())).isPresent();
        NewFederation decision = NewFederation.atServiceProvider(
                session.users().getFederatedIdentity(realm, user, alias) != null, taken, nameTaken);
        return Optional.ofNullable(switch (decision) {
            case ALLOWED, NOT_THE_NAMED_ACCOUNT -> null;
            case ALREADY_FEDERATED -> Conflict.ALREADY_FEDERATED;
            case PARTNER_ACCOUNT_TAKEN -> Conflict.MASTER_ACCOUNT_TAKEN;
            case NAME_TAKEN -> Conflict.NAME_TAKEN;
        });
    }

    /** The user's links with the masters of this realm. */
    List<FederatedIdentityModel> links(UserModel user) {
        return session.users().getFederatedIdentitiesStream(realm, user)
                .filter(f -> masters.byAlias(f.getIdentityProvider()).isPresent()).toList();
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
        // A termination of this master account's former federation, still queued, would end the new one.
        session.getProvider(FederationStore.class).cancelTerminations(realm, pending.partnerId(),
                pending.partnerName());
        return true;
    }

    /** Removes the user's link with a master, and its record. */
    public void unlink(UserModel user, String alias, String masterId) {
        session.users().removeFederatedIdentity(realm, user, alias);
        Federations store = store();
        store.ofUser(user.getId()).stream().filter(f -> f.getPartnerId().equals(masterId)).forEach(store::remove);
    }

    /** Why a federation cannot start: the text for a program, the message key of the page for a person. */
    enum Conflict {
        /** This account is federated with this master already. */
        ALREADY_FEDERATED("this account is already federated with this master; end that federation first",
                "ucdConflictFederated"),
        /** The master account is federated with another account here. */
        MASTER_ACCOUNT_TAKEN("this master account is already federated with another account here",
                "ucdConflictMasterAccountTaken"),
        /** The master still knows another account here by this user name. */
        NAME_TAKEN("the master still knows another account here by this user name", "ucdConflictNameTaken");

        final String description;
        final String message;

        Conflict(String description, String message) {
            this.description = description;
            this.message = message;
        }
    }

    /** A federation request on its way to the master. */
    record Started(String requestId, URI redirect) {
    }

}
