package org.ucdgba.federation.slave;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.ucdgba.federation.TerminationNotifier;
import org.ucdgba.federation.store.FederationEntity;
import org.ucdgba.federation.store.FederationStore;
import org.ucdgba.federation.store.Federations;
import org.ucdgba.liberty.FederationTerminationNotification;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.NameIdentifier;
import org.ucdgba.liberty.metadata.Profile;
import org.ucdgba.liberty.profile.FederationTermination;
import org.ucdgba.liberty.profile.NameLookup;

/**
 * Terminations at the slave, both ways: it ends a federation by SOAP (fedterm-sp-soap) or by redirect through the
 * master (fedterm-sp-http), naming it as the master issued it; it tells the master of a link removed elsewhere
 * (Account Console, administrator); and it ends the link a master's termination names (fedterm-idp-http or
 * -soap), looked for as {@link NameLookup#forTermination} allows.
 */
public final class SlaveTerminations {

    private static final Logger LOG = Logger.getLogger(SlaveTerminations.class);
    /** How long a termination by redirect has to reach the master before the same one follows by SOAP. */
    private static final Duration REDIRECT_GRACE = Duration.ofMinutes(5);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final SlaveService slave;

    /** The terminations of the session's realm. */
    public SlaveTerminations(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.slave = new SlaveService(session);
    }

    /**
     * The federation's name identifier as the master issued it (the master account), which terminations towards
     * the master carry: the record's, else the link's; none when neither is left.
     */
    public Optional<NameIdentifier> masterName(UserModel user, IdpPartners.Master master) {
        String masterId = master.partner().providerId();
        return Federations.of(session, realm).ofUser(user.getId()).stream().filter(f -> f.getPartnerId()
                .equals(masterId))
                .map(FederationEntity::getPartnerNameId).findFirst()
                .or(() -> Optional.ofNullable(session.users().getFederatedIdentity(realm, user,
                        master.model().getAlias())).map(FederatedIdentityModel::getUserId))
                .map(name -> NameIdentifier.federated(name, masterId));
    }

    private NameIdentifier linkedName(UserModel user, IdpPartners.Master master) throws LibertyException {
        return masterName(user, master).orElseThrow(() -> new LibertyException(LibertyException.Reason.NOT_CONFIGURED,
                "no federation of this account with " + master.partner().providerId()));
    }

    /** Ends a federation by SOAP (fedterm-sp-soap): the master is told first, then the link goes here. */
    void endBySoap(UserModel user, IdpPartners.Master master) throws LibertyException, IOException {
        String masterId = master.partner().providerId();
        TerminationNotifier.notify(slave.exchange(), masterId, Profile.FEDTERM_SP_SOAP, linkedName(user, master));
        slave.unlink(user, master.model().getAlias(), masterId);
    }

    /**
     * Ends a federation by redirect (fedterm-sp-http): the link goes now, and the user agent takes the signed
     * notification to the master, which sends it back to this slave's FederationTerminationServiceReturnURL. The
     * user agent may never reach the master: when the master takes SOAP too, the same notification follows after
     * a grace period (the master answers it with nothing to end once the redirect has arrived).
     */
    URI endByRedirect(UserModel user, IdpPartners.Master master) throws LibertyException {
        String masterId = master.partner().providerId();
        NameIdentifier masterName = linkedName(user, master);
        FederationTermination fedterm = new FederationTermination(slave.exchange());
        URI toMaster = fedterm.buildRedirect(masterId, fedterm.initNotification(masterId, Profile.FEDTERM_SP_HTTP,
                masterName, null));
        slave.unlink(user, master.model().getAlias(), masterId);
        if (master.partner().metadata().supports(Profile.FEDTERM_SP_SOAP)) {
            session.getProvider(FederationStore.class).queueTermination(realm, SlaveService.providerId(session,
                    realm), masterId,
                    Profile.FEDTERM_SP_SOAP, masterName, REDIRECT_GRACE);
        }
        return toMaster;
    }

    /**
     * A link removed without the master being told (Account Console, administrator): its record goes, and the
     * master is told now (fedterm-sp-soap) or, when it cannot be reached, through the outbox.
     */
    public void linkRemoved(UserModel user, IdpPartners.Master master) {
        String masterId = master.partner().providerId();
        // The link is gone already (Keycloak removes it before telling listeners): the record names it.
        Optional<NameIdentifier> named = masterName(user, master);
        slave.unlink(user, master.model().getAlias(), masterId);
        if (named.isEmpty()) {
            LOG.infof("a link of realm %s with master %s had no record: the master is not told", realm.getName(),
                    master.model().getAlias());
            return;
        }
        NameIdentifier name = named.get();
        try {
            TerminationNotifier.notify(slave.exchange(), masterId, Profile.FEDTERM_SP_SOAP, name);
        } catch (LibertyException | IllegalArgumentException | IOException e) {
            LOG.infof("master %s of realm %s not reached, termination queued: %s", master.model().getAlias(),
                    realm.getName(), e.getMessage());
            session.getProvider(FederationStore.class).queueTermination(realm, SlaveService.providerId(session,
                    realm), masterId,
                    Profile.FEDTERM_SP_SOAP, name, Duration.ZERO);
        }
    }

    /**
     * A master's FederationTerminationNotification (fedterm-idp-http or -soap): the link it names, by either name
     * identifier, ends here. Answers who lost a link, if anyone did.
     */
    Optional<UserModel> terminated(String masterId, FederationTerminationNotification notification) {
        Optional<IdpPartners.Master> master = slave.masters().masterByProviderId(masterId);
        if (master.isEmpty()) {
            return Optional.empty();
        }
        NameIdentifier named = notification.nameIdentifier();
        List<NameLookup.Issuer> order = NameLookup.forTermination(named, SlaveService.providerId(session, realm),
                masterId, false);
        Optional<UserModel> user = Federations.of(session, realm).named(masterId, named, order, f -> true)
                .map(f -> session.users().getUserById(realm, f.getUserId()));
        if (user.isEmpty() && order.contains(NameLookup.Issuer.PARTNER)) {
            // A link with no record (made by an administrator): its master account is the master's name.
            String alias = master.get().model().getAlias();
            user = Optional.ofNullable(session.users().getUserByFederatedIdentity(realm,
                    new FederatedIdentityModel(alias, named.value(), named.value())));
        }
        user.ifPresent(u -> slave.unlink(u, master.get().model().getAlias(), masterId));
        return user;
    }
}
