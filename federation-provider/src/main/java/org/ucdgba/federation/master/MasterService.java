package org.ucdgba.federation.master;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.ucdgba.federation.LibertyKeys;
import org.ucdgba.federation.PendingRegistration;
import org.ucdgba.federation.SoapClient;
import org.ucdgba.federation.TerminationNotifier;
import org.ucdgba.federation.slave.SlaveService;
import org.ucdgba.federation.store.FederationEntity;
import org.ucdgba.federation.store.FederationStore;
import org.ucdgba.federation.store.Federations;
import org.ucdgba.liberty.FederationTerminationNotification;
import org.ucdgba.liberty.LibertyException;
import org.ucdgba.liberty.NameIdentifier;
import org.ucdgba.liberty.RegisterNameIdentifierRequest;
import org.ucdgba.liberty.RegisterNameIdentifierResponse;
import org.ucdgba.liberty.metadata.Profile;
import org.ucdgba.liberty.profile.Exchange;
import org.ucdgba.liberty.profile.FederationTermination;
import org.ucdgba.liberty.profile.NameLookup;
import org.ucdgba.liberty.profile.NameRegistration;
import org.ucdgba.liberty.profile.Renaming;

/**
 * The Master UCD server's federation rules, with no HTTP in them: what a slave's termination or renaming does to
 * a federation (a {@link FederationEntity} per user and slave, seed step 6), and what the master starts itself:
 * ending a federation and giving a slave the new name of a renamed account, by SOAP or by redirect. Every message
 * names the federation as the receiver issued it.
 */
public final class MasterService {

    /** How long a termination by redirect has to reach the slave before the same one follows by SOAP. */
    static final Duration REDIRECT_GRACE = Duration.ofMinutes(5);

    private static final Logger LOG = Logger.getLogger(MasterService.class);

    private final KeycloakSession session;
    private final RealmModel realm;

    /** The master of a realm. */
    public MasterService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The master's ProviderID: the realm's protocol endpoint URL. */
    public static String providerId(KeycloakSession session, RealmModel realm) {
        return LibertyKeys.realmUrl(session, realm) + "/protocol/" + MasterProtocol.ID;
    }

    Exchange exchange() {
        return LibertyKeys.exchange(session, realm, providerId(session, realm), new ClientPartners(realm));
    }

    public Federations store() {
        return Federations.of(session, realm);
    }

    /** The user's federation with a slave. */
    public Optional<FederationEntity> federation(UserModel user, String slave) {
        return store().ofUser(user.getId()).stream().filter(f -> f.getPartnerId().equals(slave)).findFirst();
    }

    /** The federation ends here: its record and the user's consent to the slave ({@link SlaveConsents}) go. */
    void forget(FederationEntity f) {
        store().remove(f);
        SlaveConsents.ended(session, realm, f);
    }

    /** A slave's termination: the federation it names, by either name identifier, ends; answers it if one did. */
    Optional<FederationEntity> terminated(String slave, FederationTerminationNotification notification) {
        Federations store = store();
        NameIdentifier named = notification.nameIdentifier();
        Optional<FederationEntity> f = store.named(slave, named, NameLookup.forTermination(named,
                providerId(session, realm), slave, true), any -> true);
        f.ifPresent(this::forget);
        return f;
    }

    /**
     * A slave's RegisterNameIdentifierRequest for an existing federation (rni-sp-soap): the slave account has a new
     * name (SPProvidedNameIdentifier); the federation is named by the master account (IDPProvidedNameIdentifier)
     * and the former name (OldProvidedNameIdentifier, either side's).
     */
    Rename renaming(String slave, RegisterNameIdentifierRequest request) {
        Federations store = store();
        String masterAccount = request.idpProvided().value();
        String renamed = request.spProvided() == null ? null : request.spProvided().value();
        Optional<FederationEntity> former = store.named(slave, request.oldProvided(), NameLookup.forRenaming(
                request.oldProvided(), slave), f -> f.getLocalNameId().equals(masterAccount)
                && (renamed == null || !f.getPartnerNameId().equals(renamed)));
        Optional<FederationEntity> holder = renamed == null ? Optional.empty() : store.byPartnerName(slave, renamed);
        boolean done = former.isEmpty() && holder.filter(f -> f.getLocalNameId().equals(masterAccount)).isPresent();
        return new Rename(Renaming.decide(former.isPresent(), done, renamed, holder.isPresent(),
                SlaveService.MAX_NAME), former.orElse(null), renamed);
    }

    /** Gives the federation the slave account's new name, if the decision was to rename. */
    static void apply(Rename rename) {
        if (rename.decision() == Renaming.RENAME) {
            rename.federation().setPartnerNameId(rename.renamed());
        }
    }

    /** Ends a federation by SOAP (fedterm-idp-soap): the slave is told first, then the record goes. */
    void endBySoap(FederationEntity f) throws LibertyException, IOException {
        TerminationNotifier.notify(exchange(), f.getPartnerId(), Profile.FEDTERM_IDP_SOAP, slaveName(f));
        forget(f);
    }

    /**
     * Ends a federation by SOAP, or, when the slave cannot be reached, now here and later there, through the
     * outbox. Answers whether the slave was told at once.
     */
    public boolean endOrQueue(FederationEntity f) {
        try {
            endBySoap(f);
            return true;
        } catch (LibertyException | IllegalArgumentException | IOException e) {
            LOG.infof("slave %s of realm %s not reached, termination queued: %s", f.getPartnerId(), realm.getName(),
                    e.getMessage());
            session.getProvider(FederationStore.class).queueTermination(realm, providerId(session, realm),
                    f.getPartnerId(), Profile.FEDTERM_IDP_SOAP, slaveName(f), Duration.ZERO);
            forget(f);
            return false;
        }
    }

    /**
     * Ends a federation by redirect (fedterm-idp-http): the record goes now, and the user agent takes the
     * notification to the slave; the same follows by SOAP after a grace period when the slave takes that too.
     */
    URI endByRedirect(FederationEntity f) throws LibertyException {
        FederationTermination fedterm = new FederationTermination(exchange());
        String slave = f.getPartnerId();
        URI toSlave = fedterm.buildRedirect(slave, fedterm.initNotification(slave, Profile.FEDTERM_IDP_HTTP,
                slaveName(f), null));
        if (exchange().partner(slave).metadata().supports(Profile.FEDTERM_IDP_SOAP)) {
            session.getProvider(FederationStore.class).queueTermination(realm, providerId(session, realm), slave,
                    Profile.FEDTERM_IDP_SOAP,
                    slaveName(f), REDIRECT_GRACE);
        }
        forget(f);
        return toSlave;
    }

    /**
     * Gives the slave the master account's current name (rni-idp-soap) for a federation made under another:
     * IDPProvidedNameIdentifier the new name, OldProvidedNameIdentifier the former one, SPProvidedNameIdentifier
     * the slave's. Answers the slave's status; the record takes the new name on success.
     */
    RegisterNameIdentifierResponse renameBySoap(UserModel user, FederationEntity f)
            throws LibertyException, IOException {
        NameRegistration rni = new NameRegistration(exchange());
        RegisterNameIdentifierRequest request = registration(rni, user, f, Profile.RNI_IDP_SOAP);
        byte[] answer = SoapClient.post(exchange().partner(f.getPartnerId()), rni.buildRequestSoap(f.getPartnerId(),
                request));
        RegisterNameIdentifierResponse response = rni.processResponseSoap(answer, request.requestId(),
                f.getPartnerId());
        if (response.status().isSuccess()) {
            f.setLocalNameId(user.getUsername());
        }
        return response;
    }

    /** The same by redirect (rni-idp-http): remembered until the slave's response comes back to rni-return. */
    URI renameByRedirect(UserModel user, FederationEntity f) throws LibertyException {
        NameRegistration rni = new NameRegistration(exchange());
        RegisterNameIdentifierRequest request = registration(rni, user, f, Profile.RNI_IDP_HTTP);
        new PendingRegistration(user.getId(), f.getPartnerId(), "", user.getUsername(), f.getPartnerNameId())
                .put(session, realm, request.requestId(), PendingRegistration.MASTER_SECONDS);
        return rni.buildRequestRedirect(f.getPartnerId(), request);
    }

    private RegisterNameIdentifierRequest registration(NameRegistration rni, UserModel user, FederationEntity f,
                                                       Profile profile) throws LibertyException {
        String self = providerId(session, realm);
        return rni.initRequest(f.getPartnerId(), profile, NameIdentifier.federated(user.getUsername(), self),
                slaveName(f), NameIdentifier.federated(f.getLocalNameId(), self), null);
    }

    /**
     * A slave's response to a renaming by redirect, verified against the request it answers and spent; on
     * success the record takes the new name. Answers whether the slave took it.
     */
    boolean renamedByRedirect(String rawQuery, String inResponseTo) throws LibertyException {
        PendingRegistration pending = PendingRegistration.peek(session, realm, inResponseTo)
                .orElseThrow(() -> new LibertyException(LibertyException.Reason.IN_RESPONSE_TO_MISMATCH,
                        "no renaming of this server is waiting for this response"));
        RegisterNameIdentifierResponse response = new NameRegistration(exchange()).processResponseRedirect(rawQuery,
                inResponseTo, pending.partnerId());
        if (!PendingRegistration.take(session, realm, inResponseTo)) {
            throw new LibertyException(LibertyException.Reason.REPLAYED, "this response was already used");
        }
        if (!response.status().isSuccess()) {
            return false;
        }
        store().byPartnerName(pending.partnerId(), pending.partnerName())
                .filter(f -> f.getUserId().equals(pending.userId()))
                .ifPresent(f -> f.setLocalNameId(pending.localName()));
        return true;
    }

    /** The slave account's name identifier, qualified by the slave that issued it. */
    private static NameIdentifier slaveName(FederationEntity f) {
        return NameIdentifier.federated(f.getPartnerNameId(), f.getPartnerId());
    }

    /** A slave's renaming as decided: the federation it renames (null when none) and the new name. */
    record Rename(Renaming decision, FederationEntity federation, String renamed) {
    }
}
