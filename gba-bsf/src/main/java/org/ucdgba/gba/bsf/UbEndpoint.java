package org.ucdgba.gba.bsf;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
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
import org.ucdgba.gba.core.aka.AkaNetwork;
import org.ucdgba.gba.core.aka.AuthenticationVector;
import org.ucdgba.gba.core.aka.Sqn;
import org.ucdgba.gba.core.bootstrap.BTid;
import org.ucdgba.gba.core.bootstrap.BootstrappingInfo;
import org.ucdgba.gba.core.digest.AkaNonce;
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
 * with {@code auts} resynchronises SQN and gets a fresh challenge. One instance per request.
 */
final class UbEndpoint {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DigestCalculator MD5 = new DigestCalculator(DigestAlgorithm.AKAV1_MD5);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final BsfConfig config;
    private final BsfStore store;
    private final EventBuilder event;

    UbEndpoint(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.config = new BsfConfig(realm, session.getContext().getUri().getBaseUri().getHost());
        this.store = new BsfStore(session, realm.getId());
        this.event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.LOGIN)
                .detail(Details.AUTH_METHOD, "gba-ub");
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
        String nonce = authorization.get("nonce");
        if (nonce == null || nonce.isEmpty()) {
            return challenge(impi, false);
        }
        Optional<UbChallenge> pending = store.takeChallenge(impi, nonce);
        if (pending.isEmpty()) {
            // Unknown, expired or already answered nonce: a fresh challenge, marked stale (RFC 7616 clause 3.3).
            return challenge(impi, true);
        }
        try {
            return answer(pending.get(), authorization, method, body);
        } catch (DigestException e) {
            event.error(BsfErrors.MALFORMED_REQUEST);
            return BsfErrors.json(Response.Status.BAD_REQUEST, BsfErrors.MALFORMED_REQUEST, e.getMessage());
        }
    }

    /**
     * Step 2 of TS 33.220 clause 4.5.2: a 401 with a fresh vector from the subscriber's credential, or the nonce of
     * the challenge still open for this IMPI, so that unanswered requests do not advance SQN. An unknown IMPI gets
     * a challenge that cannot be answered, so that the status does not tell which IMPIs exist.
     */
    private Response challenge(String impi, boolean stale) {
        Optional<String> open = store.openChallenge(impi);
        if (open.isPresent()) {
            return unauthorized(open.get(), stale);
        }
        Optional<Subscriber> found = Subscriber.byImpi(session, realm, impi);
        if (found.isEmpty()) {
            event.error(BsfErrors.UNKNOWN_SUBSCRIBER);
            return unauthorized(new AkaNonce(random(16), random(16), random(16)).encode(), stale);
        }
        Subscriber subscriber = found.get();
        return challenge(subscriber, subscriber.aka().sqn().next(), stale);
    }

    private Response challenge(Subscriber subscriber, Sqn sqn, boolean stale) {
        subscriber.aka().setSqn(sqn);
        subscriber.saveSqn();
        byte[] rand = random(16);
        AuthenticationVector av = new AkaNetwork(subscriber.aka().milenage()).vector(rand, sqn, subscriber.aka().amf());
        String nonce = new AkaNonce(av.rand(), av.autn(), random(16)).encode();
        store.putChallenge(subscriber.impi(), nonce, new UbChallenge(subscriber.user().getId(), subscriber.impi(),
                av.rand(), av.xres(), av.ck(), av.ik()), config.challengeLifetime());
        return unauthorized(nonce, stale);
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

    private Response answer(UbChallenge pending, DigestHeader authorization, String method, byte[] body) {
        String auts = authorization.get("auts");
        byte[] password = auts == null ? pending.xres() : new byte[0];
        DigestInput input = input(authorization, password);
        if (!config.domain().equals(input.realm())
                || !DigestCalculator.matches(MD5.response(input, method, body), authorization.get("response"))) {
            event.user(pending.userId()).error(BsfErrors.INVALID_RESPONSE);
            return BsfErrors.json(Response.Status.FORBIDDEN, BsfErrors.INVALID_RESPONSE,
                    "the Digest AKA response does not verify");
        }
        Optional<Subscriber> subscriber = Subscriber.byImpi(session, realm, pending.impi());
        if (subscriber.isEmpty()) {
            event.error(BsfErrors.UNKNOWN_SUBSCRIBER);
            return BsfErrors.json(Response.Status.FORBIDDEN, BsfErrors.UNKNOWN_SUBSCRIBER,
                    "no GBA subscription for this IMPI");
        }
        if (auts != null) {
            return resynchronise(subscriber.get(), pending, auts);
        }
        return bootstrapped(subscriber.get(), pending, input);
    }

    /** Synchronisation failure (TS 33.102 clause 6.3.5, TS 24.109 clause 4.4): SQN_HE follows SQN_MS. */
    private Response resynchronise(Subscriber subscriber, UbChallenge pending, String auts) {
        Optional<Sqn> sqnMs;
        try {
            sqnMs = new AkaNetwork(subscriber.aka().milenage()).verifyAuts(pending.rand(),
                    Base64.getDecoder().decode(auts));
        } catch (IllegalArgumentException e) {
            sqnMs = Optional.empty();
        }
        if (sqnMs.isEmpty()) {
            event.user(subscriber.user()).error(BsfErrors.INVALID_AUTS);
            return BsfErrors.json(Response.Status.FORBIDDEN, BsfErrors.INVALID_AUTS, "AUTS does not verify");
        }
        return challenge(subscriber, sqnMs.get().next(), false);
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
        event.user(subscriber.user()).detail("btid", btid.value()).success();
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

    private static byte[] random(int octets) {
        byte[] b = new byte[octets];
        RANDOM.nextBytes(b);
        return b;
    }
}
