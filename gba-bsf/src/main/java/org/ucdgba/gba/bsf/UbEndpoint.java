package org.ucdgba.gba.bsf;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;
import org.ucdgba.gba.core.EventDetails;
import org.ucdgba.gba.core.aka.AkaNetwork;
import org.ucdgba.gba.core.aka.Sqn;
import org.ucdgba.gba.core.bootstrap.BTid;
import org.ucdgba.gba.core.bootstrap.BootstrappingInfo;
import org.ucdgba.gba.core.digest.DigestAlgorithm;
import org.ucdgba.gba.core.digest.DigestCalculator;
import org.ucdgba.gba.core.digest.DigestException;
import org.ucdgba.gba.core.digest.DigestHeader;
import org.ucdgba.gba.core.digest.DigestInput;
import org.ucdgba.gba.core.guss.Guss;
import org.ucdgba.gba.core.kdf.GbaKdf;

/**
 * The BSF's side of Ub (TS 24.109 clause 4, TS 33.220 clause 4.5.2): HTTP Digest AKA with algorithm AKAv1-MD5 and
 * qop auth-int (RFC 3310). A request naming the IMPI gets a 401 with nonce = base64(RAND || AUTN || server data);
 * the answer with RES gets a 200 with the BootstrappingInfo and an {@code Authentication-Info} rspauth; an answer
 * with {@code auts} resynchronises SQN and gets a fresh challenge ({@link UbChallenges} issues them). Wrong answers
 * are bounded per IMPI and window ({@link AttemptBudget}); past the bound the IMPI gets 429. One instance per
 * request.
 */
final class UbEndpoint {

    private static final DigestCalculator MD5 = new DigestCalculator(DigestAlgorithm.AKAV1_MD5);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final BsfConfig config;
    private final BsfStore store;
    private final UbChallenges challenges;
    private final AttemptBudget failures;
    private final EventBuilder event;

    UbEndpoint(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.config = new BsfConfig(realm, session.getContext().getUri().getBaseUri().getHost());
        this.store = new BsfStore(session, realm.getId());
        this.failures = new AttemptBudget(session.singleUseObjects(), "ub-failures", realm.getId(),
                config.ubFailures(), config.throttleWindow());
        this.event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.LOGIN)
                .detail(Details.AUTH_METHOD, "gba-ub");
        this.challenges = new UbChallenges(session, config, store, event, System.nanoTime());
    }

    Response handle(String method, byte[] body) {
        String header = session.getContext().getRequestHeaders().getHeaderString(HttpHeaders.AUTHORIZATION);
        DigestHeader authorization;
        String impi;
        try {
            authorization = DigestHeader.parse(header, true);
            impi = authorization.require("username");
        } catch (DigestException e) {
            event.error(BsfErrors.MALFORMED_REQUEST);
            return BsfErrors.json(Response.Status.BAD_REQUEST, BsfErrors.MALFORMED_REQUEST,
                    "Ub needs an Authorization: Digest header naming the IMPI (TS 24.109 clause 4.2): "
                            + e.getMessage());
        }
        event.detail(Details.USERNAME, impi);
        // Known and unknown IMPIs are throttled alike, so a 429 tells nothing about the subscription.
        if (failures.exhausted(impi)) {
            return challenges.throttled(failures);
        }
        String nonce = authorization.get("nonce");
        if (nonce == null || nonce.isEmpty()) {
            return challenges.challenge(impi, false);
        }
        Optional<UbChallenge> pending = store.takeChallenge(impi, nonce);
        if (pending.isEmpty()) {
            // Unknown, expired or already answered nonce: a fresh challenge, marked stale (RFC 7616 clause 3.3).
            return challenges.challenge(impi, true);
        }
        try {
            return answer(pending.get(), authorization, method, body);
        } catch (DigestException e) {
            event.error(BsfErrors.MALFORMED_REQUEST);
            return BsfErrors.json(Response.Status.BAD_REQUEST, BsfErrors.MALFORMED_REQUEST, e.getMessage());
        }
    }

    private Response answer(UbChallenge pending, DigestHeader authorization, String method, byte[] body) {
        String auts = authorization.get("auts");
        byte[] password = auts == null ? pending.xres() : new byte[0];
        DigestInput input = input(authorization, password);
        if (!config.domain().equals(input.realm())
                || !DigestCalculator.matches(MD5.response(input, method, body), authorization.get("response"))) {
            return wrongAnswer(pending, BsfErrors.INVALID_RESPONSE, "the Digest AKA response does not verify");
        }
        if (pending.decoy()) {
            // With auts the Digest password is empty, so anyone can get this far: refuse as a real AUTS is refused.
            return auts != null ? wrongAnswer(pending, BsfErrors.INVALID_AUTS, "AUTS does not verify")
                    : wrongAnswer(pending, BsfErrors.INVALID_RESPONSE, "the Digest AKA response does not verify");
        }
        // The challenge found the subscriber by IMPI (an attribute search); the answer looks its user up by id
        // (Keycloak's user cache) and checks that it still holds this IMPI and a usable card.
        UserModel user = session.users().getUserById(realm, pending.userId());
        Subscriber.Lookup lookup = user == null ? Subscriber.Lookup.refused(BsfErrors.UNKNOWN_SUBSCRIBER)
                : Subscriber.byUser(user);
        if (lookup.found().filter(s -> s.impi().equals(pending.impi())).isEmpty()) {
            event.user(pending.userId()).error(lookup.error() == null ? BsfErrors.UNKNOWN_SUBSCRIBER : lookup.error());
            return BsfErrors.json(Response.Status.FORBIDDEN, BsfErrors.INVALID_RESPONSE,
                    "the Digest AKA response does not verify");
        }
        if (auts != null) {
            return resynchronise(lookup.subscriber(), pending, auts);
        }
        return bootstrapped(lookup.subscriber(), pending, input);
    }

    /**
     * A wrong RES or AUTS: spends one of the IMPI's failures for the window, says only that it failed, and leaves
     * no sooner than the floor, whether the challenge was real or a decoy.
     */
    private Response wrongAnswer(UbChallenge pending, String error, String description) {
        failures.spend(pending.impi());
        if (!pending.decoy()) {
            event.user(pending.userId());
            countFailure(pending.userId());
        }
        event.error(error);
        challenges.awaitFloor();
        return BsfErrors.json(Response.Status.FORBIDDEN, error, description);
    }

    /**
     * A subscriber's wrong answer also counts in Keycloak's brute-force detector, as a wrong password does (no
     * credential category: the detector then counts every failure); a locked subscriber gets only decoys.
     */
    private void countFailure(String userId) {
        UserModel user = realm.isBruteForceProtected() ? session.users().getUserById(realm, userId) : null;
        if (user != null) {
            session.getProvider(BruteForceProtector.class).failedLogin(realm, user,
                    session.getContext().getConnection(), session.getContext().getUri(), null);
        }
    }

    /**
     * Synchronisation failure (TS 33.102 clause 6.3.5, TS 24.109 clause 4.4): counting continues from SQN_MS,
     * never below what was already issued ({@link Sqn#afterResynchronisation}).
     */
    private Response resynchronise(Subscriber subscriber, UbChallenge pending, String auts) {
        Optional<Sqn> sqnMs;
        try {
            sqnMs = new AkaNetwork(subscriber.aka().milenage()).verifyAuts(pending.rand(),
                    Base64.getDecoder().decode(auts));
        } catch (IllegalArgumentException e) {
            sqnMs = Optional.empty();
        }
        if (sqnMs.isEmpty()) {
            return wrongAnswer(pending, BsfErrors.INVALID_AUTS, "AUTS does not verify");
        }
        Sqn ms = sqnMs.get();
        return challenges.challenge(subscriber, he -> Sqn.afterResynchronisation(he, ms).next(), false);
    }

    /** Steps 5 to 7 of TS 33.220 clause 4.5.2: Ks, B-TID and the 200 OK with BootstrappingInfo. */
    private Response bootstrapped(Subscriber subscriber, UbChallenge pending, DigestInput input) {
        Instant now = Instant.now();
        BTid btid = BTid.of(pending.rand(), config.domain());
        Duration lifetime = subscriber.guss().map(Guss::lifetimeSeconds).map(Duration::ofSeconds)
                .filter(l -> l.compareTo(config.keyLifetime()) < 0).orElse(config.keyLifetime());
        BootstrappingContext context = new BootstrappingContext(btid, subscriber.user().getId(), subscriber.impi(),
                pending.rand(), GbaKdf.ks(pending.ck(), pending.ik()), now, now.plus(lifetime));
        store.putContext(context);
        byte[] xml = new BootstrappingInfo(btid, context.expires()).toXml().getBytes(StandardCharsets.UTF_8);
        Map<String, String> info = new LinkedHashMap<>();
        info.put("qop", input.qop());
        info.put("rspauth", MD5.rspauth(input, xml));
        info.put("cnonce", input.cnonce());
        info.put("nc", input.nc());
        if (realm.isBruteForceProtected()) {
            session.getProvider(BruteForceProtector.class).successfulLogin(realm, subscriber.user(),
                    session.getContext().getConnection(), session.getContext().getUri(), null);
        }
        event.user(subscriber.user()).detail(EventDetails.BTID, btid.value()).success();
        return Response.ok(xml, BootstrappingInfo.MEDIA_TYPE)
                .header("Authentication-Info", DigestHeader.of(info).formatDirectives())
                .build();
    }

    private DigestInput input(DigestHeader a, byte[] password) {
        String qop = a.require("qop");
        if (!DigestCalculator.AUTH_INT.equals(qop)) {
            throw new DigestException("Ub requires qop=auth-int (TS 24.109 clause 4.2)");
        }
        if (DigestAlgorithm.fromToken(a.get("algorithm")) != DigestAlgorithm.AKAV1_MD5) {
            throw new DigestException("Ub requires algorithm=AKAv1-MD5 (RFC 3310)");
        }
        String uri = a.require("uri");
        String path = session.getContext().getUri().getRequestUri().getRawPath();
        if (!uri.equals(path)) {
            throw new DigestException("Digest uri does not match the request");
        }
        return new DigestInput(a.require("username"), a.require("realm"), password, a.require("nonce"), uri, qop,
                a.require("nc"), a.require("cnonce"));
    }

}
