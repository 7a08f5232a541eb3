package org.ucdgba.gba.bsf;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.ucdgba.gba.core.Milenage;
import org.ucdgba.gba.core.aka.AkaNetwork;
import org.ucdgba.gba.core.aka.AuthenticationVector;
import org.ucdgba.gba.core.aka.Sqn;
import org.ucdgba.gba.core.digest.AkaNonce;
import org.ucdgba.gba.core.digest.DigestAlgorithm;
import org.ucdgba.gba.core.digest.DigestCalculator;
import org.ucdgba.gba.core.digest.DigestHeader;

/**
 * The BSF's Ub challenges (TS 33.220 clause 4.5.2 step 2, TS 24.109 clause 4.2): a vector of its own for every
 * request, real for a subscriber and a decoy otherwise (no subscription, or a user locked by Keycloak's brute-force
 * detector), each spending one of the IMPI's budget, stored under its
 * nonce and sent no sooner than the floor after the request arrived. One instance per request.
 */
final class UbChallenges {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakSession session;
    private final BsfConfig config;
    private final BsfStore store;
    private final AttemptBudget budget;
    private final EventBuilder event;
    private final long started;

    UbChallenges(KeycloakSession session, BsfConfig config, BsfStore store, EventBuilder event, long started) {
        this.session = session;
        this.config = config;
        this.store = store;
        this.budget = new AttemptBudget(session.singleUseObjects(), "ub-challenges",
                session.getContext().getRealm().getId(), config.ubChallenges(), config.throttleWindow());
        this.event = event;
        this.started = started;
    }

    /**
     * Step 2 of TS 33.220 clause 4.5.2: a 401 with a vector of its own for every request, its SQN taken from the
     * subscriber's counter under a row lock. An IMPI without a usable subscription, or whose user Keycloak's
     * brute-force detector has locked, gets a decoy challenge that is built, stored and later refused like a real
     * one, so neither status, headers, nonce behaviour nor timing tell which IMPIs exist. Each challenge spends
     * one of the IMPI's budget for the window.
     */
    Response challenge(String impi, boolean stale) {
        if (!budget.spend(impi)) {
            return throttled(budget);
        }
        SubscriberSqn.Step step;
        try {
            step = SubscriberSqn.forImpi(session, impi);
        } catch (PersistenceException | ModelException e) {
            return busy(null);
        }
        if (step.refusal() != null) {
            if (step.userId() != null) {
                event.user(step.userId());
            }
            event.error(step.refusal());
            return decoy(impi, stale);
        }
        return issue(step.userId(), impi, step.aka(), stale);
    }

    /** A challenge for a known subscriber, its SQN from {@code step} applied to SQN_HE (a resynchronisation's). */
    Response challenge(Subscriber subscriber, UnaryOperator<Sqn> step, boolean stale) {
        Optional<AkaCredentialModel> advanced;
        try {
            advanced = SubscriberSqn.advance(session, subscriber, step);
        } catch (PersistenceException | ModelException e) {
            return busy(subscriber.user().getId());
        }
        if (advanced.isEmpty()) {
            event.user(subscriber.user()).error(BsfErrors.UNUSABLE_CREDENTIAL);
            return decoy(subscriber.impi(), stale);
        }
        return issue(subscriber.user().getId(), subscriber.impi(), advanced.get(), stale);
    }

    /** K, OPc, AMF and the new SQN as locked and committed, never a mix with an older read of the credential. */
    private Response issue(String userId, String impi, AkaCredentialModel aka, boolean stale) {
        AuthenticationVector av = new AkaNetwork(aka.milenage()).vector(random(16), aka.sqn(), aka.amf());
        return issue(new UbChallenge(userId, impi, av.rand(), av.xres(), av.ck(), av.ik()), av.autn(), stale);
    }

    /** The SQN row stayed locked or the database is out of reach: the same 503 as any database outage. */
    private Response busy(String userId) {
        if (userId != null) {
            event.user(userId);
        }
        event.error(BsfErrors.BUSY);
        return BsfErrors.unavailable(BsfErrors.UNAVAILABLE, BsfErrors.UNAVAILABLE_RETRY_SECONDS);
    }

    /** The same work as a real challenge, with a key nobody holds: no answer to it can verify. */
    private Response decoy(String impi, boolean stale) {
        AuthenticationVector av = new AkaNetwork(Milenage.withOpc(random(16), random(16)))
                .vector(random(16), new Sqn(0).next(), config.decoyAmf());
        return issue(new UbChallenge(null, impi, av.rand(), av.xres(), av.ck(), av.ik()), av.autn(), stale);
    }

    private Response issue(UbChallenge challenge, byte[] autn, boolean stale) {
        String nonce = new AkaNonce(challenge.rand(), autn, random(16)).encode();
        store.putChallenge(challenge.impi(), nonce, challenge, config.challengeLifetime());
        awaitFloor();
        return unauthorized(nonce, stale);
    }

    /**
     * Holds a challenge, or the refusal of an answer, back until {@link BsfConfig#CHALLENGE_FLOOR} after the
     * request arrived, so that real ones (one more database write) and decoys leave at the same time whenever both
     * are done by then.
     */
    void awaitFloor() {
        long left = started + config.challengeFloor().toNanos() - System.nanoTime();
        if (left > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    Response throttled(AttemptBudget budget) {
        event.error(BsfErrors.UB_THROTTLED);
        return BsfErrors.throttled(BsfErrors.UB_THROTTLED, budget.retryAfterSeconds());
    }

    private Response unauthorized(String nonce, boolean stale) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("realm", config.domain());
        d.put("nonce", nonce);
        d.put("algorithm", DigestAlgorithm.AKAV1_MD5.token());
        d.put("qop", DigestCalculator.AUTH_INT);
        if (stale) {
            d.put("stale", "true");
        }
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, DigestHeader.of(d).formatChallenge())
                .build();
    }

    private static byte[] random(int octets) {
        byte[] b = new byte[octets];
        RANDOM.nextBytes(b);
        return b;
    }
}
