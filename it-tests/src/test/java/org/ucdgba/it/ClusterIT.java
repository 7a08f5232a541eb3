package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ucdgba.gba.client.Bootstrap;
import org.ucdgba.gba.client.Device;
import org.ucdgba.gba.client.DeviceState;
import org.ucdgba.gba.client.SoftwareIsim;
import org.ucdgba.gba.client.UaClient;
import org.ucdgba.gba.core.aka.AkaResult;
import org.ucdgba.gba.core.aka.Sqn;
import org.ucdgba.gba.core.kdf.UaSecurityProtocolId;

/**
 * Two Keycloak nodes of the same distribution in production mode on one PostgreSQL database, clustered by
 * Keycloak's own Infinispan (JDBC_PING discovery, loopback), behind a switching proxy that plays the load
 * balancer: each test sends each step of a flow to the node it chooses. The tests run in order: later ones kill
 * and restart nodes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Pattern VIEW_OF_TWO = Pattern.compile("ISPN000094: Received new cluster view[^\\n]*\\(2\\)");

    static final Federation.Person SAM = new Federation.Person("sam", "sam-password", null);
    static final Federation.Person BOB = new Federation.Person("bob", "bob-password", null);
    static PostgresServer database;
    static SwitchingProxy balancer;
    static KeycloakServer nodeA;
    static KeycloakServer nodeB;
    /** Alice's card, for the tests at the message level. */
    static UbProbe alice;

    @BeforeAll
    static void start() throws Exception {
        database = PostgresServer.start();
        balancer = new SwitchingProxy();
        alice = new UbProbe(bsf(), TestSubscriber.IMPI, TestSubscriber.K, TestSubscriber.OPC);
        nodeA = node("node-a").start();
        nodeB = node("node-b").start();
        awaitClusterOfTwo();
        // The master and the slave realm are both served by the cluster, behind its one public URL.
        balancer.routeTo(nodeA.port());
        Federation.master = nodeA;
        Federation.slave = nodeA;
        Federation.registerPartners();
    }

    private static KeycloakServer node(String name) throws Exception {
        return KeycloakServer.prepare(name, "127.0.0.1", List.of("/realms/operator-realm.json",
                "/realms/ucd-master-realm.json", "/realms/ucd-slave-realm.json"), Map.of("KC_URL", balancer.url()))
                .clusterNode(database, balancer.url());
    }

    @AfterAll
    static void stop() throws Exception {
        Federation.master = null;
        Federation.slave = null;
        for (AutoCloseable c : new AutoCloseable[] {nodeB, nodeA, balancer, database}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private static void awaitClusterOfTwo() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (VIEW_OF_TWO.matcher(nodeA.logText()).find() && VIEW_OF_TWO.matcher(nodeB.logText()).find()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the two nodes did not form a cluster; see their logs");
    }

    private static URI bsf() {
        return URI.create(balancer.url() + "/realms/operator/gba-bsf");
    }

    private static Device device(DeviceState state) {
        return new Device(new SoftwareIsim(TestSubscriber.IMPI, TestSubscriber.K, TestSubscriber.OPC, state.sqn()),
                state, bsf(), UaSecurityProtocolId.HTTP_DIGEST, Duration.ofSeconds(60));
    }

    @Test
    @Order(1)
    void bootstrapOnOneNodeAndLogInOnTheOther() throws Exception {
        DeviceState state = DeviceState.load(null);
        balancer.routeTo(nodeA.port());
        Bootstrap bootstrap = device(state).bootstrap();
        balancer.routeTo(nodeB.port());
        OidcSite site = OidcSite.at(balancer.url() + "/realms/operator", "demo-rp", GbaLoginIT.RP_CALLBACK);
        UaClient.Result login = device(state).login(site.request().toURI(),
                u -> u.toString().startsWith(GbaLoginIT.RP_CALLBACK));
        assertTrue(login.nafAuthenticated());
        JWTClaimsSet claims = site.redeem(login.finalRedirect());
        assertEquals(nodeB.admin("operator/users?username=alice&exact=true").get(0).get("id").asText(),
                claims.getSubject());
        String btid = "btid=\"" + bootstrap.btid().value() + "\"";
        assertTrue(nodeA.logText().lines().anyMatch(l -> l.contains("type=\"LOGIN\"") && l.contains(btid)),
                "Ub ran on node A");
        assertTrue(nodeB.logText().lines().anyMatch(l -> l.contains("type=\"CLIENT_LOGIN\"") && l.contains(btid)),
                "Zn ran on node B, which found node A's bootstrapping context");
        assertFalse(nodeA.logText().lines().anyMatch(l -> l.contains("CLIENT_LOGIN") && l.contains(btid)));
    }

    /** A Ua challenge issued by one node is answered on the other, once: the Digest nonce is cluster-wide. */
    @Test
    @Order(2)
    void aUaChallengeIsAnsweredOnTheOtherNodeOnce() throws Exception {
        DeviceState state = DeviceState.load(null);
        balancer.routeTo(nodeA.port());
        Bootstrap bootstrap = device(state).bootstrap();
        RawUserAgent browser = new RawUserAgent(GbaRefusalsIT.GBA_UA);
        URI uri = OidcSite.at(balancer.url() + "/realms/operator", "demo-rp", GbaLoginIT.RP_CALLBACK).request()
                .toURI();
        HttpResponse<String> challenge = browser.get(uri, null);
        assertEquals(401, challenge.statusCode());
        String answer = RawUserAgent.answer(challenge, uri, bootstrap.btid().value(),
                bootstrap.ksNaf(GbaRefusalsIT.NAF));
        balancer.routeTo(nodeB.port());
        HttpResponse<String> ok = browser.get(uri, answer);
        assertEquals(302, ok.statusCode(), ok.body());
        assertTrue(ok.headers().firstValue("Location").orElseThrow().startsWith(GbaLoginIT.RP_CALLBACK));
        balancer.routeTo(nodeA.port());
        HttpResponse<String> replay = new RawUserAgent(GbaRefusalsIT.GBA_UA).get(uri, answer);
        assertEquals(401, replay.statusCode(), "the nonce was spent on node B");
        assertFalse(replay.headers().firstValue("Location").orElse("").contains("code="));
    }

    /**
     * The seed's federation with its steps on both nodes: the slave's request made on node A (its pending
     * RegisterNameIdentifierRequest in the distributed store), the master's login and consent on node A, the
     * master's response handled by the slave on node B. Both sides then hold the link, whichever node is asked.
     */
    @Test
    @Order(3)
    void aFederationRequestedOnOneNodeIsCompletedOnTheOther() throws Exception {
        balancer.routeTo(nodeA.port());
        RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
        HttpResponse<String> back = Federation.loginAtMaster(browser, Federation.startFederation(
                Federation.token(nodeA, "ucd-slave", "sam", "sam-password"), "bob"), "bob", "bob-password");
        URI toSlave = URI.create(back.headers().firstValue("Location").orElseThrow());
        assertTrue(toSlave.toString().startsWith(balancer.url() + "/realms/ucd-slave/"), toSlave.toString());
        balancer.routeTo(nodeB.port());
        HttpResponse<String> result = browser.get(toSlave, null);
        assertEquals(200, result.statusCode(), result.body());
        assertTrue(result.body().contains("data-result=\"linked\""), result.body());
        assertEquals(1, Federation.slaveLinks(SAM).size());
        balancer.routeTo(nodeA.port());
        assertEquals(1, Federation.masterFederations(BOB).size());
        HttpResponse<String> replay = new RawUserAgent("Mozilla/5.0").get(toSlave, null);
        assertFalse(replay.body().contains("data-result=\"linked\""), "the response is single-use: " + replay.body());
    }

    /**
     * Node A killed with SIGKILL after the master answered and before the slave read the answer: the slave on node
     * B completes the federation; each side holds it once, none holds half of it.
     */
    @Test
    @Order(4)
    void aNodeKilledMidFederation() throws Exception {
        balancer.routeTo(nodeA.port());
        JsonNode ended = Federation.api("DELETE", Federation.slaveApi() + "/federations/master-one",
                Federation.token(nodeA, "ucd-slave", "sam", "sam-password"), null);
        assertEquals(204, ended.get("status").asInt(), ended.toString());
        assertEquals(0, Federation.masterFederations(BOB).size());
        RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
        HttpResponse<String> back = Federation.loginAtMaster(browser, Federation.startFederation(
                Federation.token(nodeA, "ucd-slave", "sam", "sam-password"), "bob"), "bob", "bob-password");
        URI toSlave = URI.create(back.headers().firstValue("Location").orElseThrow());
        nodeA.kill();
        balancer.routeTo(nodeB.port());
        HttpResponse<String> result = browser.get(toSlave, null);
        assertEquals(200, result.statusCode(), result.body());
        assertTrue(result.body().contains("data-result=\"linked\""), result.body());
        assertEquals(1, Federation.slaveLinks(SAM).size());
        assertEquals(1, Federation.masterFederations(BOB).size());
        nodeA.start();
        awaitClusterOfTwo();
    }

    /** A Ub challenge issued by one node is answered on the other, once: the answer replayed anywhere is stale. */
    @Test
    @Order(5)
    void aChallengeIsSingleUseAcrossNodes() throws Exception {
        balancer.routeTo(nodeA.port());
        String nonce = UbProbe.nonce(alice.firstRequest(new RawUserAgent("device 3gpp-gba")));
        AkaResult.Success ok = assertInstanceOf(AkaResult.Success.class, alice.card(nonce));
        balancer.routeTo(nodeB.port());
        assertEquals(200, alice.answer(new RawUserAgent("device 3gpp-gba"), nonce, ok.res(), null).statusCode());
        balancer.routeTo(nodeA.port());
        HttpResponse<String> replay = alice.answer(new RawUserAgent("device 3gpp-gba"), nonce, ok.res(), null);
        assertEquals(401, replay.statusCode());
        assertTrue(replay.headers().firstValue("WWW-Authenticate").orElseThrow().contains("stale=true"));
    }

    /**
     * A node killed with SIGKILL between the challenge and the answer: the other node completes the bootstrap
     * (the challenge has a copy on each node), and the SQN that comes next was never handed out before.
     */
    @Test
    @Order(6)
    void aNodeKilledMidBootstrap() throws Exception {
        balancer.routeTo(nodeA.port());
        String nonce = UbProbe.nonce(alice.firstRequest(new RawUserAgent("device 3gpp-gba")));
        Sqn before = alice.sqn(nonce);
        nodeA.kill();
        balancer.routeTo(nodeB.port());
        AkaResult.Success ok = assertInstanceOf(AkaResult.Success.class, alice.card(nonce));
        assertEquals(200, alice.answer(new RawUserAgent("device 3gpp-gba"), nonce, ok.res(), null).statusCode());
        String next = UbProbe.nonce(alice.firstRequest(new RawUserAgent("device 3gpp-gba")));
        assertTrue(alice.sqn(next).value() > before.value(), "no SQN handed out twice");
        nodeA.start();
        awaitClusterOfTwo();
    }

    /**
     * Both nodes restarted: the subscriber, its credential and its SQN are intact (the card takes the next
     * challenge without resynchronising), and a challenge issued before the restart is not answerable after it.
     */
    @Test
    @Order(7)
    void bothNodesRestarted() throws Exception {
        balancer.routeTo(nodeA.port());
        String before = UbProbe.nonce(alice.firstRequest(new RawUserAgent("device 3gpp-gba")));
        nodeB.close();
        nodeA.close();
        nodeA.start();
        nodeB.start();
        awaitClusterOfTwo();
        balancer.routeTo(nodeB.port());
        HttpResponse<String> stale = alice.answer(new RawUserAgent("device 3gpp-gba"), before, new byte[8], null);
        assertEquals(401, stale.statusCode(), "the old challenge did not survive the restart of the whole cluster");
        String nonce = UbProbe.nonce(stale);
        assertNotEquals(before, nonce);
        AkaResult.Success ok = assertInstanceOf(AkaResult.Success.class, alice.card(nonce),
                "SQN_HE survived the restart: the card needs no resynchronisation");
        assertEquals(200, alice.answer(new RawUserAgent("device 3gpp-gba"), nonce, ok.res(), null).statusCode());
        assertEquals(1, Federation.slaveLinks(SAM).size(), "the federation survived at the slave");
        assertEquals(1, Federation.masterFederations(BOB).size(), "and at the master");
    }

    /** PostgreSQL stopped for a few seconds: Ub answers in bounded time with a clear status, then recovers. */
    @Test
    @Order(8)
    void databaseOutage() throws Exception {
        balancer.routeTo(nodeA.port());
        database.stop();
        HttpResponse<String> during;
        try {
            during = alice.firstRequest(new RawUserAgent("device 3gpp-gba"));
        } finally {
            database.startServer();
        }
        assertEquals(503, during.statusCode(), during.body());
        assertTrue(during.headers().firstValue("Retry-After").isPresent());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        int status = 0;
        while (status != 401 && Instant.now().isBefore(deadline)) {
            status = alice.firstRequest(new RawUserAgent("device 3gpp-gba")).statusCode();
            Thread.sleep(500);
        }
        assertEquals(401, status, "Ub works again once the database is back");
    }
}
