package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ucdgba.gba.client.Bootstrap;
import org.ucdgba.gba.client.Device;
import org.ucdgba.gba.client.DeviceState;
import org.ucdgba.gba.client.SoftwareIsim;
import org.ucdgba.gba.core.Hex;
import org.ucdgba.gba.core.kdf.UaSecurityProtocolId;
import org.ucdgba.gba.core.aka.AkaResult;
import org.ucdgba.gba.core.aka.Sqn;
import org.ucdgba.gba.core.digest.AkaNonce;

/**
 * The attacks and the load of issue 12 against the BSF's Ub: each test is one finding, failing before the fix.
 * Each test bootstraps a subscriber of its own, made through the admin REST API, so that budgets per IMPI spent
 * here never touch the other test classes.
 */
class BsfAttacksIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] K = Hex.decode("0396eb317b6d1c36f19c1c84cd6ffd16");
    static final byte[] OPC = Hex.decode("53c15671c60a4b731c55b4a441c0bde2");
    static KeycloakServer keycloak;

    @BeforeAll
    static void start() throws Exception {
        keycloak = OperatorKeycloak.get();
    }

    static URI ub() {
        return URI.create(keycloak.realmUrl("operator") + "/gba-bsf");
    }

    /** A new subscriber of the operator realm with this IMPI, its SQN at zero; its user id. */
    static String subscriber(String name) throws Exception {
        assertEquals(201, keycloak.adminSend("POST", "operator/users", subscriberJson(name, name, Hex.encode(K)))
                .statusCode());
        return keycloak.admin("operator/users?username=" + name + "&exact=true").get(0).get("id").asText();
    }

    /** A user representation named {@code name} with the IMPI of {@code impiOf} and an AKA credential with K. */
    static ObjectNode subscriberJson(String name, String impiOf, String k) {
        ObjectNode user = JSON.createObjectNode();
        user.put("username", name).put("enabled", true).put("email", name + "@operator.example")
                .put("firstName", name).put("lastName", "Subscriber").put("emailVerified", true);
        user.putObject("attributes").putArray("gba.impi").add(impi(impiOf));
        user.putArray("credentials").add(akaCredential(k));
        return user;
    }

    static ObjectNode akaCredential(String k) {
        ObjectNode credential = JSON.createObjectNode();
        credential.put("type", "gba-aka").put("userLabel", "ISIM")
                .put("secretData", "{\"k\":\"" + k + "\",\"opc\":\"" + Hex.encode(OPC)
                        + "\",\"sqn\":\"000000000000\"}")
                .put("credentialData", "{\"amf\":\"8000\"}");
        return credential;
    }

    static String impi(String name) {
        return name + "@ims.operator.example";
    }

    /** Sets realm attributes for the duration of {@code body}, then restores them. */
    static void withRealmAttributes(Map<String, String> attributes, ThrowingRunnable body) throws Exception {
        ObjectNode realm = (ObjectNode) keycloak.admin("operator");
        ObjectNode saved = realm.path("attributes").deepCopy();
        ObjectNode changed = saved.deepCopy();
        attributes.forEach(changed::put);
        realm.set("attributes", changed);
        keycloak.adminPut("operator", realm);
        try {
            body.run();
        } finally {
            ObjectNode now = (ObjectNode) keycloak.admin("operator");
            ObjectNode restored = now.path("attributes").deepCopy();
            attributes.keySet().forEach(k -> {
                if (saved.has(k)) {
                    restored.set(k, saved.get(k));
                } else {
                    restored.put(k, "");
                }
            });
            now.set("attributes", restored);
            keycloak.adminPut("operator", now);
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static boolean errorEvent(String type, String error) throws Exception {
        return keycloak.events("operator", type).stream().anyMatch(e -> error.equals(e.path("error").asText()));
    }

    /** Finding 1: 4 threads bootstrapping one subscriber got 10 HTTP 500s out of 114 (a lost SQN update). */
    @Test
    void twoHundredParallelBootstrapsOfOneSubscriber() throws Exception {
        subscriber("parallel");
        UbProbe probe = new UbProbe(ub(), impi("parallel"), K, OPC);
        Set<Sqn> issued = ConcurrentHashMap.newKeySet();
        List<Integer> unexpected = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger bootstrapped = new AtomicInteger();
        AtomicInteger resyncs = new AtomicInteger();
        AtomicInteger repeatedSqns = new AtomicInteger();
        withRealmAttributes(Map.of("gba.bsf.ubChallengesPerImpi", "1000"), () -> {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    RawUserAgent agent = new RawUserAgent("parallel-device 3gpp-gba");
                    for (int i = 0; i < 25; i++) {
                        HttpResponse<String> r = probe.firstRequest(agent);
                        while (r.statusCode() == 401) {
                            String nonce = UbProbe.nonce(r);
                            if (!issued.add(probe.sqn(nonce))) {
                                repeatedSqns.incrementAndGet();
                            }
                            AkaResult result = probe.card(nonce);
                            if (result instanceof AkaResult.SyncFailure sync) {
                                resyncs.incrementAndGet();
                                r = probe.answer(agent, nonce, new byte[0], sync.auts());
                            } else {
                                r = probe.answer(agent, nonce,
                                        assertInstanceOf(AkaResult.Success.class, result).res(), null);
                            }
                        }
                        if (r.statusCode() == 200) {
                            bootstrapped.incrementAndGet();
                        } else {
                            unexpected.add(r.statusCode());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            pool.shutdown();
        });
        assertEquals(List.of(), unexpected, "no 500, no refusal");
        assertEquals(200, bootstrapped.get());
        assertEquals(0, repeatedSqns.get(), "every AUTN carries a SQN of its own");
        // Resynchronisation only where the spec foresees it: a vector used after a later one of the same IND.
        assertEquals(200 + resyncs.get(), issued.size());
        assertTrue(resyncs.get() < 200 / 4, "resynchronisations stay the exception: " + resyncs.get());
    }

    /** Finding 2: anyone who knew the IMPI got the device's open nonce and could spend it with a wrong answer. */
    @Test
    void aStrangerCannotLearnOrSpendTheDevicesChallenge() throws Exception {
        subscriber("victim");
        UbProbe probe = new UbProbe(ub(), impi("victim"), K, OPC);
        RawUserAgent device = new RawUserAgent("victim-device 3gpp-gba");
        RawUserAgent stranger = new RawUserAgent("stranger 3gpp-gba");
        String devices = UbProbe.nonce(probe.firstRequest(device));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> theirs = probe.firstRequest(stranger);
            assertEquals(401, theirs.statusCode());
            assertNotEquals(devices, UbProbe.nonce(theirs), "the stranger gets a challenge of its own");
            assertEquals(403, probe.answer(stranger, UbProbe.nonce(theirs), new byte[8], null).statusCode());
        }
        AkaResult.Success ok = assertInstanceOf(AkaResult.Success.class, probe.card(devices));
        assertEquals(200, probe.answer(device, devices, ok.res(), null).statusCode());
    }

    /**
     * Finding 3: a known IMPI got the same nonce twice, an unknown one a fresh nonce each time. Now both get a
     * fresh challenge per request, with the same directives, and a wrong answer to either is refused alike.
     */
    @Test
    void knownAndUnknownImpisLookAlike() throws Exception {
        subscriber("known");
        RawUserAgent agent = new RawUserAgent("prober 3gpp-gba");
        List<String> bodies = new ArrayList<>();
        List<String> autsBodies = new ArrayList<>();
        for (String name : List.of("known", "never-provisioned")) {
            UbProbe probe = new UbProbe(ub(), impi(name), K, OPC);
            HttpResponse<String> first = probe.firstRequest(agent);
            HttpResponse<String> second = probe.firstRequest(agent);
            assertEquals(401, first.statusCode());
            assertEquals(401, second.statusCode());
            assertNotEquals(UbProbe.nonce(first), UbProbe.nonce(second), name);
            assertEquals(directives(first), directives(second));
            assertEquals(Set.of("realm", "nonce", "algorithm", "qop"), directives(first));
            AkaNonce nonce = AkaNonce.decode(UbProbe.nonce(first));
            assertEquals("8000", Hex.encode(java.util.Arrays.copyOfRange(nonce.autn(), 6, 8)),
                    "the AMF in clear in AUTN is the operator's, for a decoy too");
            assertEquals(16, nonce.serverData().length);
            HttpResponse<String> wrong = probe.answer(agent, UbProbe.nonce(first), new byte[8], null);
            assertEquals(403, wrong.statusCode());
            bodies.add(wrong.body());
            // With auts the Digest password is empty, so anyone can answer this far: refused alike too.
            HttpResponse<String> auts = probe.answer(agent, UbProbe.nonce(second), new byte[0], new byte[14]);
            assertEquals(403, auts.statusCode());
            autsBodies.add(auts.body());
        }
        assertEquals(bodies.get(0), bodies.get(1), "one refusal for both");
        assertEquals(autsBodies.get(0), autsBodies.get(1), "one refusal of a forged AUTS for both");
        assertTrue(errorEvent("LOGIN_ERROR", "gba_unknown_subscriber"), "the operator still sees which it was");
    }

    private static Set<String> directives(HttpResponse<String> challenge) {
        Set<String> names = new HashSet<>();
        for (String part : challenge.headers().firstValue("WWW-Authenticate").orElseThrow().substring(7)
                .split(",\\s*(?=[a-z]+=)")) {
            names.add(part.substring(0, part.indexOf('=')).strip());
        }
        return names;
    }


    /**
     * Finding 4: 25 wrong answers moved SQN by 25, each a database write. Now wrong answers and challenges are
     * bounded per IMPI and window, and the bound is a 429 with Retry-After and an event.
     */
    @Test
    void wrongAnswersCannotDriveSqn() throws Exception {
        subscriber("target");
        UbProbe probe = new UbProbe(ub(), impi("target"), K, OPC);
        RawUserAgent attacker = new RawUserAgent("attacker 3gpp-gba");
        List<Integer> statuses = new ArrayList<>();
        Set<Sqn> issued = new HashSet<>();
        HttpResponse<String> throttled = null;
        for (int i = 0; i < 25; i++) {
            HttpResponse<String> challenge = probe.firstRequest(attacker);
            statuses.add(challenge.statusCode());
            if (challenge.statusCode() != 401) {
                throttled = challenge;
                continue;
            }
            issued.add(probe.sqn(UbProbe.nonce(challenge)));
            HttpResponse<String> answer = probe.answer(attacker, UbProbe.nonce(challenge), new byte[8], null);
            statuses.add(answer.statusCode());
        }
        assertEquals(List.of(401, 403, 401, 403, 401, 403, 401, 403, 401, 403), statuses.subList(0, 10));
        assertTrue(statuses.subList(10, statuses.size()).stream().allMatch(s -> s == 429), statuses.toString());
        assertEquals(5, issued.size(), "SQN advanced once per challenge, and only five were issued");
        assertTrue(throttled.headers().firstValue("Retry-After").isPresent());
        assertTrue(errorEvent("LOGIN_ERROR", "gba_ub_throttled"));
        assertFalse(throttled.body().contains("target"), "the refusal does not echo the IMPI");
    }

    /**
     * Finding 5, NAF side: 8 wrong Digest answers for a B-TID left numFailures at 0. Now they count in Keycloak's
     * brute-force detector, and a locked user is refused even with the right answer.
     */
    @Test
    void wrongUaAnswersReachTheBruteForceDetector() throws Exception {
        String userId = subscriber("guessed");
        Bootstrap b = new Device(new SoftwareIsim(impi("guessed"), K, OPC, new Sqn(0)), DeviceState.load(null), ub(),
                UaSecurityProtocolId.HTTP_DIGEST, Duration.ofSeconds(10)).bootstrap();
        byte[] wrongKey = new byte[32];
        withBruteForceProtection(userId, () -> {
            for (int i = 0; i < 3; i++) {
                assertEquals(403, uaLogin(b, wrongKey).statusCode());
            }
            awaitLocked(userId);
            HttpResponse<String> locked = uaLogin(b, b.ksNaf(GbaRefusalsIT.NAF));
            assertEquals(403, locked.statusCode());
            assertFalse(locked.headers().firstValue("Location").orElse("").contains("code="));
            assertTrue(errorEvent("LOGIN_ERROR", "user_temporarily_disabled"));
        });
    }

    /**
     * Ub side of the same rule: a subscriber's wrong answers count in the brute-force detector, and a locked
     * subscriber gets decoys (its card finds that the AUTN is not from its home network), nothing else.
     */
    @Test
    void wrongUbAnswersReachTheBruteForceDetector() throws Exception {
        String userId = subscriber("ublocked");
        UbProbe probe = new UbProbe(ub(), impi("ublocked"), K, OPC);
        RawUserAgent attacker = new RawUserAgent("attacker 3gpp-gba");
        withBruteForceProtection(userId, () -> {
            for (int i = 0; i < 3; i++) {
                String nonce = UbProbe.nonce(probe.firstRequest(attacker));
                assertEquals(403, probe.answer(attacker, nonce, new byte[8], null).statusCode());
            }
            awaitLocked(userId);
            String nonce = UbProbe.nonce(probe.firstRequest(new RawUserAgent("device 3gpp-gba")));
            assertInstanceOf(AkaResult.MacFailure.class, probe.card(nonce), "a decoy, not the home network's");
            assertTrue(errorEvent("LOGIN_ERROR", "user_temporarily_disabled"));
        });
    }

    /** Runs {@code body} with the realm's brute-force detection on (lock after 3 failures), then undoes both. */
    private static void withBruteForceProtection(String userId, ThrowingRunnable body) throws Exception {
        ObjectNode realm = (ObjectNode) keycloak.admin("operator");
        ObjectNode saved = realm.deepCopy();
        realm.put("bruteForceProtected", true).put("failureFactor", 3).put("waitIncrementSeconds", 300)
                .put("maxFailureWaitSeconds", 900).put("permanentLockout", false);
        keycloak.adminPut("operator", realm);
        try {
            body.run();
        } finally {
            keycloak.adminSend("DELETE", "operator/attack-detection/brute-force/users/" + userId, null);
            keycloak.adminPut("operator", saved);
        }
    }

    /** Waits for the detector (it counts in the background) to lock the user, and checks that it counted. */
    private static void awaitLocked(String userId) throws Exception {
        JsonNode status = null;
        for (int i = 0; i < 50; i++) {
            status = keycloak.admin("operator/attack-detection/brute-force/users/" + userId);
            if (status.path("disabled").asBoolean()) {
                break;
            }
            Thread.sleep(200);
        }
        // Failures within a second count as a quick-login attack, so the lock may come before the third.
        assertTrue(status.path("numFailures").asInt() >= 2, status.toString());
        assertTrue(status.path("disabled").asBoolean(), status.toString());
    }

    private static HttpResponse<String> uaLogin(Bootstrap b, byte[] ksNaf) throws Exception {
        RawUserAgent device = new RawUserAgent(GbaRefusalsIT.GBA_UA);
        URI uri = OidcSite.of(keycloak, "demo-rp", GbaLoginIT.RP_CALLBACK).request().toURI();
        HttpResponse<String> challenge = device.get(uri, null);
        assertEquals(401, challenge.statusCode());
        return device.get(uri, RawUserAgent.answer(challenge, uri, b.btid().value(), ksNaf));
    }

    /** Finding 5, Zn side: 100 wrong client secrets, no delay. Now failures per client and address are bounded. */
    @Test
    void znClientSecretsCannotBeGuessed() throws Exception {
        ObjectNode client = JSON.createObjectNode();
        client.put("clientId", "naf-guessed").put("secret", "the-right-secret").put("publicClient", false)
                .put("clientAuthenticatorType", "client-secret").put("standardFlowEnabled", false)
                .putObject("attributes").put("gba.naf.fqdns", "guessed.example");
        assertEquals(201, keycloak.adminPost("operator/clients", client));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(znPost("naf-guessed", "guess-" + i, "<a/>").statusCode());
        }
        assertEquals(Collections.nCopies(10, 401), statuses.subList(0, 10));
        assertEquals(List.of(429, 429), statuses.subList(10, 12));
        HttpResponse<String> right = znPost("naf-guessed", "the-right-secret", "<a/>");
        assertEquals(429, right.statusCode(), "the budget is spent: the right secret waits too");
        assertTrue(right.headers().firstValue("Retry-After").isPresent());
        assertTrue(right.body().contains("Fault"), "still a SOAP fault");
        assertTrue(errorEvent("CLIENT_LOGIN_ERROR", "gba_zn_throttled"));
    }

    static HttpResponse<String> znPost(String clientId, String secret, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ub() + "/zn"))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Finding 6: a 9000-deep document on Zn ended in StackOverflowError (HTTP 500). */
    @Test
    void deepXmlOnZnIsAFaultNotA500() throws Exception {
        HttpResponse<String> r = znPost("naf-zn", "zn-secret", "<a>".repeat(9000) + "</a>".repeat(9000));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("nested deeper"), r.body());
    }

    /** Finding 7: a multipart body on Ub or Zn gave 500; the endpoints take only their own media types. */
    @Test
    void otherMediaTypesAre415() throws Exception {
        for (String path : List.of("", "/zn")) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ub() + path))
                    .header("Content-Type", "multipart/form-data; boundary=x")
                    .POST(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"a\""
                            + "\r\n\r\nb\r\n--x--\r\n")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(415, r.statusCode(), path);
        }
    }

    /** Finding 7: a client that stops sending its body got 500 (UncheckedIOException from the body read). */
    @Test
    void abortedBodyIsNotA500() throws Exception {
        URI zn = URI.create(ub() + "/zn");
        try (Socket socket = new Socket(zn.getHost(), zn.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + zn.getRawPath() + " HTTP/1.1\r\nHost: " + zn.getHost() + ":" + zn.getPort()
                    + "\r\nContent-Type: text/xml\r\nAuthorization: Basic "
                    + java.util.Base64.getEncoder().encodeToString("naf-zn:zn-secret".getBytes(StandardCharsets.UTF_8))
                    + "\r\nContent-Length: 5000\r\n\r\n<soap:Envelope").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertFalse(status.contains(" 500"), status);
        }
        assertFalse(keycloak.logText().contains("UncheckedIOException"), "no stack trace for an aborted body");
    }

    /**
     * Finding 8: a PUT of the credential added a second one and the BSF then took the subscriber for unknown; a
     * second user with the same IMPI did the same to the first; an unusable K gave 500. Now: replaced, 409, 400.
     */
    @Test
    void provisioningKeepsTheSubscriberWhole() throws Exception {
        String id = subscriber("reprovisioned");
        ObjectNode user = (ObjectNode) keycloak.admin("operator/users/" + id);
        user.putArray("credentials").add(akaCredential(Hex.encode(K)));
        assertEquals(204, keycloak.adminSend("PUT", "operator/users/" + id, user).statusCode());
        JsonNode credentials = keycloak.admin("operator/users/" + id + "/credentials");
        assertEquals(1, credentials.size(), credentials.toString());
        UbProbe probe = new UbProbe(ub(), impi("reprovisioned"), K, OPC);
        RawUserAgent device = new RawUserAgent("device 3gpp-gba");
        String nonce = UbProbe.nonce(probe.firstRequest(device));
        AkaResult.Success ok = assertInstanceOf(AkaResult.Success.class, probe.card(nonce));
        assertEquals(200, probe.answer(device, nonce, ok.res(), null).statusCode(), "still a subscriber");

        HttpResponse<String> twin = keycloak.adminSend("POST", "operator/users",
                subscriberJson("impostor", "reprovisioned", Hex.encode(K)));
        assertEquals(409, twin.statusCode(), twin.body());
        assertTrue(twin.body().contains("gba.impi " + impi("reprovisioned")), twin.body());
        assertEquals(0, keycloak.admin("operator/users?username=impostor&exact=true").size(), "nothing written");

        // The same IMPI by an attribute alone, on a new user and on an existing one: refused before anything is written.
        ObjectNode attributeOnly = subscriberJson("impostor", "reprovisioned", Hex.encode(K));
        attributeOnly.remove("credentials");
        HttpResponse<String> twinAttribute = keycloak.adminSend("POST", "operator/users", attributeOnly);
        assertEquals(409, twinAttribute.statusCode(), twinAttribute.body());
        assertTrue(twinAttribute.body().contains("gba.impi " + impi("reprovisioned")), twinAttribute.body());
        String other = subscriber("bystander");
        ObjectNode renamed = (ObjectNode) keycloak.admin("operator/users/" + other);
        ((ObjectNode) renamed.get("attributes")).putArray("gba.impi").add(impi("reprovisioned"));
        HttpResponse<String> takeover = keycloak.adminSend("PUT", "operator/users/" + other, renamed);
        assertEquals(409, takeover.statusCode(), takeover.body());
        assertEquals(impi("bystander"), keycloak.admin("operator/users/" + other).path("attributes")
                .path("gba.impi").get(0).asText(), "the bystander keeps its IMPI");

        HttpResponse<String> badKey = keycloak.adminSend("POST", "operator/users",
                subscriberJson("badkey", "badkey", "zz"));
        assertEquals(400, badKey.statusCode(), badKey.body());
        assertTrue(badKey.body().contains("k must be 16 octets"), badKey.body());
        assertFalse(badKey.body().contains("zz"), "the refusal never echoes key material");
        assertEquals(0, keycloak.admin("operator/users?username=badkey&exact=true").size(), "nothing written");
    }

    /** Finding 8: every refusal said gba_unknown_subscriber; now each says which it was. */
    @Test
    void eachRefusedLookupNamesItsCause() throws Exception {
        ObjectNode user = subscriberJson("nocredential", "nocredential", Hex.encode(K));
        user.remove("credentials");
        assertEquals(201, keycloak.adminSend("POST", "operator/users", user).statusCode());
        RawUserAgent agent = new RawUserAgent("device 3gpp-gba");
        assertEquals(401, new UbProbe(ub(), impi("nocredential"), K, OPC).firstRequest(agent).statusCode());
        assertTrue(errorEvent("LOGIN_ERROR", "gba_no_aka_credential"));
    }
}
