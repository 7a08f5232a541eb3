package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ucdgba.gba.client.Device;
import org.ucdgba.gba.client.DeviceState;
import org.ucdgba.gba.client.SoftwareIsim;
import org.ucdgba.gba.client.UaClient;
import org.ucdgba.gba.core.Hex;
import org.ucdgba.gba.core.aka.Sqn;
import org.ucdgba.gba.core.kdf.UaSecurityProtocolId;

/**
 * The seed's identity federation between two separate Keycloak servers, a Master UCD server (realm ucd-master)
 * and a Slave UCD server (realm ucd-slave), each registered at the other from the other's published metadata,
 * driven as a UCD client and its user agent would: log in at the slave, list masters, choose one and name the
 * master account, follow the signed request to the master, authenticate there, come back linked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Queued terminations are retried every second here (30 s by default). */
    static final String RETRY_EVERY_SECOND = "--spi-jpa-entity-provider--ucd-federation--termination-retry-seconds=1";
    static KeycloakServer master;
    static KeycloakServer slave;

    @BeforeAll
    static void start() throws Exception {
        // declarative-ui: the admin console page on which the master's administrator registers slaves by hand.
        master = KeycloakServer.prepare("ucd-master", "localhost", List.of("/realms/ucd-master-realm.json"), Map.of())
                .withOption("--features=declarative-ui").withOption(RETRY_EVERY_SECOND).start();
        slave = KeycloakServer.prepare("ucd-slave", "localhost", List.of("/realms/ucd-slave-realm.json"), Map.of())
                .withOption(RETRY_EVERY_SECOND).start();
        registerPartners();
    }

    /** Each side registers the other; the master asks for consent. Also used by the cluster test. */
    static void registerPartners() throws Exception {
        // Each side registers the other from the URL of its published metadata (admin API of this bundle).
        ObjectNode slaveAtMaster = JSON.createObjectNode();
        slaveAtMaster.put("metadataUrl", slave.realmUrl("ucd-slave") + "/ucd-federation/idff/metadata");
        slaveAtMaster.put("name", "Slave UCD server");
        assertEquals(201, master.adminPost("ucd-master/ucd-liberty-partners/slaves", slaveAtMaster));
        ObjectNode masterAtSlave = JSON.createObjectNode();
        masterAtSlave.put("alias", "master-one");
        masterAtSlave.put("displayName", "Master UCD server one");
        masterAtSlave.put("metadataUrl", master.realmUrl("ucd-master") + "/protocol/liberty-idff/metadata");
        assertEquals(201, slave.adminPost("ucd-slave/ucd-liberty-partners/masters", masterAtSlave));
        // The master asks the user to confirm each federation (required action, enabled by the operator).
        ObjectNode consent = JSON.createObjectNode();
        consent.put("providerId", "ucd-federation-consent");
        consent.put("name", "UCD federation consent");
        master.adminPost("ucd-master/authentication/register-required-action", consent);
    }

    @AfterAll
    static void stop() {
        if (slave != null) {
            slave.close();
        }
        if (master != null) {
            master.close();
        }
    }

    static String get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return r.body();
    }

    /** The UCD client's login at a server (seed steps 1-2): a token for the user. */
    static String token(KeycloakServer server, String realm, String user, String password) throws Exception {
        return token(server, realm, "ucd-client", user, password);
    }

    static String token(KeycloakServer server, String realm, String client, String user, String password)
            throws Exception {
        String form = "grant_type=password&client_id=" + client + "&username=" + user + "&password=" + password;
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.realmUrl(realm)
                        + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("access_token").asText();
    }

    static JsonNode api(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        ObjectNode out = JSON.createObjectNode();
        out.put("status", r.statusCode());
        out.set("body", r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()));
        return out;
    }

    static String slaveApi() {
        return slave.realmUrl("ucd-slave") + "/ucd-federation";
    }

    /** IdentityFederationRequest at the slave; returns the URL of the master the user agent must follow. */
    static URI startFederation(String token, String masterAccount) throws Exception {
        JsonNode started = api("POST", slaveApi() + "/federations", token,
                "{\"master\":\"master-one\",\"masterAccount\":\"" + masterAccount + "\"}");
        assertEquals(200, started.get("status").asInt(), started.toString());
        return URI.create(started.get("body").get("redirect").asText());
    }

    /**
     * The user agent at the master's login form (seed steps 4.1-4.3): submits credentials and, when the master asks,
     * confirms the federation; returns the master's last answer.
     */
    static HttpResponse<String> loginAtMaster(RawUserAgent browser, URI toMaster, String user, String password)
            throws Exception {
        HttpResponse<String> afterLogin = credentialsAtMaster(browser, toMaster, user, password);
        return consentPage(afterLogin.body()).isPresent() ? confirm(browser, afterLogin, "accept=Federate")
                : afterLogin;
    }

    /** Follows the master's redirects within the master (e.g. to its required action), not back to the slave. */
    static HttpResponse<String> withinMaster(RawUserAgent browser, URI base, HttpResponse<String> response)
            throws Exception {
        while (response.statusCode() == 302 && response.headers().firstValue("Location").orElse("")
                .startsWith(master.realmUrl("ucd-master"))) {
            response = browser.get(base.resolve(response.headers().firstValue("Location").orElseThrow()), null);
        }
        return response;
    }

    static java.util.Optional<URI> consentPage(String body) {
        Matcher action = Pattern.compile("id=\"kc-federation-consent\" action=\"([^\"]+)\"").matcher(body);
        return action.find() ? java.util.Optional.of(URI.create(action.group(1).replace("&amp;", "&")))
                : java.util.Optional.empty();
    }

    static HttpResponse<String> confirm(RawUserAgent browser, HttpResponse<String> page, String choice)
            throws Exception {
        URI action = consentPage(page.body()).orElseThrow();
        return withinMaster(browser, action, browser.postForm(action, choice));
    }

    static HttpResponse<String> credentialsAtMaster(RawUserAgent browser, URI toMaster, String user, String password)
            throws Exception {
        HttpResponse<String> accepted = browser.get(toMaster, null);
        assertEquals(303, accepted.statusCode(), accepted.body());
        HttpResponse<String> form = browser.get(toMaster.resolve(accepted.headers().firstValue("Location")
                .orElseThrow()), null);
        assertEquals(200, form.statusCode(), form.body());
        Matcher action = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(form.body());
        assertTrue(action.find(), form.body());
        URI post = URI.create(action.group(1).replace("&amp;", "&"));
        return withinMaster(browser, post, browser.postForm(post, "username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8)));
    }

    /** Waits (up to 60 s) until sam holds this many links at the slave: the outbox works in the background. */
    static void awaitSlaveLinks(int count) throws Exception {
        for (int i = 0; i < 120 && slaveLinks().size() != count; i++) {
            Thread.sleep(500);
        }
        assertEquals(count, slaveLinks().size(), slaveLinks().toString());
    }

    static JsonNode slaveLinks() throws Exception {
        return api("GET", slaveApi() + "/federations", token(slave, "ucd-slave", "sam", "sam-password"), null)
                .get("body");
    }

    static JsonNode masterFederations() throws Exception {
        return api("GET", master.realmUrl("ucd-master") + "/protocol/liberty-idff/federations",
                token(master, "ucd-master", "bob", "bob-password"), null).get("body");
    }

    @Test
    @Order(1)
    void wrongPasswordAtTheMasterLeavesNoFederation() throws Exception {
        URI toMaster = startFederation(token(slave, "ucd-slave", "sam", "sam-password"), "bob");
        HttpResponse<String> refused = loginAtMaster(new RawUserAgent("Mozilla/5.0"), toMaster, "bob", "wrong");
        assertEquals(200, refused.statusCode(), "the login form again, with an error");
        assertTrue(refused.body().contains("Invalid username or password"), refused.body());
        assertEquals(0, slaveLinks().size());
        assertEquals(0, masterFederations().size());
    }

    @Test
    @Order(2)
    void anotherMasterAccountThanTheNamedOneIsRefused() throws Exception {
        URI toMaster = startFederation(token(slave, "ucd-slave", "sam", "sam-password"), "bob");
        RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
        HttpResponse<String> back = loginAtMaster(browser, toMaster, "carol", "carol-password");
        assertEquals(303, back.statusCode(), back.body());
        URI returnUrl = URI.create(back.headers().firstValue("Location").orElseThrow());
        assertTrue(returnUrl.toString().startsWith(slaveApi() + "/idff/rni-return?"), returnUrl.toString());
        HttpResponse<String> result = browser.get(returnUrl, null);
        assertEquals(403, result.statusCode());
        assertTrue(result.body().contains("data-result=\"refused\""), result.body());
        assertEquals(0, slaveLinks().size());
    }

    @Test
    @Order(3)
    void forgedRequestsAreRefusedAtTheMaster() throws Exception {
        URI toMaster = startFederation(token(slave, "ucd-slave", "sam", "sam-password"), "bob");
        String tampered = toMaster.toString().replace("IDPProvidedNameIdentifier=bob", "IDPProvidedNameIdentifier=carol");
        HttpResponse<String> forged = new RawUserAgent("Mozilla/5.0").get(URI.create(tampered), null);
        assertEquals(400, forged.statusCode());
        String unsigned = toMaster.toString().substring(0, toMaster.toString().indexOf("&SigAlg="));
        assertEquals(400, new RawUserAgent("Mozilla/5.0").get(URI.create(unsigned), null).statusCode());
        assertTrue(master.events("ucd-master", "FEDERATED_IDENTITY_LINK_ERROR").stream()
                .anyMatch(e -> "liberty_signature_invalid".equals(e.path("error").asText())));
        assertTrue(master.events("ucd-master", "FEDERATED_IDENTITY_LINK_ERROR").stream()
                .anyMatch(e -> "liberty_signature_missing".equals(e.path("error").asText())));
    }

    @Test
    @Order(3)
    void anUnknownSlaveAndACancelledLoginLeaveNoFederation() throws Exception {
        URI toMaster = startFederation(token(slave, "ucd-slave", "sam", "sam-password"), "bob");
        String stranger = toMaster.toString().replace("ProviderID=" + URLEncoder.encode(slaveApi(),
                StandardCharsets.UTF_8), "ProviderID=https%3A%2F%2Fstranger.example%2Fucd");
        assertEquals(400, new RawUserAgent("Mozilla/5.0").get(URI.create(stranger), null).statusCode());
        assertTrue(master.events("ucd-master", "FEDERATED_IDENTITY_LINK_ERROR").stream()
                .anyMatch(e -> "liberty_unknown_provider".equals(e.path("error").asText())));

        // The user cancels at the master's login form: the slave is told "request denied".
        RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
        HttpResponse<String> accepted = browser.get(toMaster, null);
        HttpResponse<String> form = browser.get(toMaster.resolve(accepted.headers().firstValue("Location")
                .orElseThrow()), null);
        Matcher action = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(form.body());
        assertTrue(action.find(), form.body());
        HttpResponse<String> cancelled = browser.postForm(URI.create(action.group(1).replace("&amp;", "&")),
                "cancel=on");
        assertEquals(303, cancelled.statusCode(), cancelled.body());
        HttpResponse<String> result = browser.get(URI.create(cancelled.headers().firstValue("Location")
                .orElseThrow()), null);
        assertEquals(403, result.statusCode(), result.body());
        assertEquals(0, slaveLinks().size());
        assertEquals(0, masterFederations().size());
    }

    @Test
    @Order(1)
    void aTokenIssuedToAnotherSiteCannotUseTheApis() throws Exception {
        // sam's token for another client of the slave realm lacks the ucd-federation audience.
        String elsewhere = token(slave, "ucd-slave", "other-site", "sam", "sam-password");
        assertEquals(401, api("GET", slaveApi() + "/masters", elsewhere, null).get("status").asInt());
        assertEquals(401, api("POST", slaveApi() + "/federations", elsewhere,
                "{\"master\":\"master-one\",\"masterAccount\":\"bob\"}").get("status").asInt());
        assertEquals(401, api("DELETE", slaveApi() + "/federations/master-one", elsewhere, null)
                .get("status").asInt());
        assertEquals(200, api("GET", slaveApi() + "/masters", token(slave, "ucd-slave", "sam", "sam-password"),
                null).get("status").asInt());
    }

    @Test
    @Order(4)
    void theSeedFlowLinksBothSidesAndSurvivesARestartAndAReplayIsRefused() throws Exception {
        String samToken = token(slave, "ucd-slave", "sam", "sam-password");
        JsonNode masters = api("GET", slaveApi() + "/masters", samToken, null);
        assertEquals("master-one", masters.get("body").get(0).get("alias").asText());

        URI toMaster = startFederation(samToken, "bob");
        RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
        HttpResponse<String> back = loginAtMaster(browser, toMaster, "bob", "bob-password");
        assertEquals(303, back.statusCode(), back.body());
        URI returnUrl = URI.create(back.headers().firstValue("Location").orElseThrow());
        // The response presented for another request of this slave (still waiting): refused, nothing linked.
        JsonNode other = api("POST", slaveApi() + "/federations", samToken,
                "{\"master\":\"master-one\",\"masterAccount\":\"carol\"}");
        Matcher answered = Pattern.compile("InResponseTo=([^&]+)").matcher(returnUrl.getRawQuery());
        assertTrue(answered.find());
        URI forOther = URI.create(returnUrl.toString().replace("InResponseTo=" + answered.group(1), "InResponseTo="
                + URLEncoder.encode(other.get("body").get("requestId").asText(), StandardCharsets.UTF_8)));
        assertEquals(400, browser.get(forOther, null).statusCode());
        assertEquals(0, slaveLinks().size());

        HttpResponse<String> result = browser.get(returnUrl, null);
        assertEquals(200, result.statusCode(), result.body());
        assertTrue(result.body().contains("data-result=\"linked\""), result.body());

        assertEquals("bob", slaveLinks().get(0).get("masterAccount").asText());
        assertEquals("sam", masterFederations().get(0).get("slaveNameId").asText());

        // The same response again: its request is no longer pending, nothing changes.
        HttpResponse<String> replay = browser.get(returnUrl, null);
        assertEquals(400, replay.statusCode());

        master.restart();
        slave.restart();
        assertEquals("bob", slaveLinks().get(0).get("masterAccount").asText());
        assertEquals("sam", masterFederations().get(0).get("slaveNameId").asText());
    }

    /** Runs the seed flow for sam and bob and checks both sides hold the federation. */
    static void federate() throws Exception {
        federateSamWith("bob", "bob-password");
        assertEquals(1, slaveLinks().size());
        assertEquals(1, masterFederations().size());
    }

    /** The seed flow for sam and a master account, through the API and a user agent, ending linked. */
    static void federateSamWith(String account, String password) throws Exception {
        RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
        HttpResponse<String> back = loginAtMaster(browser, startFederation(token(slave, "ucd-slave", "sam",
                "sam-password"), account), account, password);
        HttpResponse<String> result = browser.get(URI.create(back.headers().firstValue("Location").orElseThrow()),
                null);
        assertEquals(200, result.statusCode(), result.body());
        assertTrue(result.body().contains("data-result=\"linked\""), result.body());
    }

    @Test
    @Order(5)
    void terminationFromTheSlaveRemovesTheLinkOnBothSides() throws Exception {
        JsonNode ended = api("DELETE", slaveApi() + "/federations/master-one",
                token(slave, "ucd-slave", "sam", "sam-password"), null);
        assertEquals(204, ended.get("status").asInt(), ended.toString());
        assertEquals(0, slaveLinks().size());
        assertEquals(0, masterFederations().size());
    }

    @Test
    @Order(6)
    void terminationFromTheMasterRemovesTheLinkOnBothSides() throws Exception {
        federate();
        JsonNode ended = api("DELETE", master.realmUrl("ucd-master") + "/protocol/liberty-idff/federations?slave="
                + URLEncoder.encode(slaveApi(), StandardCharsets.UTF_8), token(master, "ucd-master", "bob",
                "bob-password"), null);
        assertEquals(204, ended.get("status").asInt(), ended.toString());
        assertEquals(0, masterFederations().size());
        assertEquals(0, slaveLinks().size());
    }

    /** The slave's administrator renames a user. */
    static void rename(String userId, String username) throws Exception {
        ObjectNode user = (ObjectNode) slave.admin("ucd-slave/users/" + userId);
        user.put("username", username);
        slave.adminPut("ucd-slave/users/" + userId, user);
    }

    @Test
    @Order(6)
    void aRenamedSlaveAccountKeepsItsFederationAndTheMasterLearnsTheNewName() throws Exception {
        String sam = slave.admin("ucd-slave/users?username=sam&exact=true").get(0).get("id").asText();
        try {
            // The administrator renames sam: the slave registers the new name at the master (rni-sp-soap).
            federate();
            rename(sam, "samuel");
            assertEquals("samuel", masterFederations().get(0).get("slaveNameId").asText());
            assertTrue(slave.events("ucd-slave", "FEDERATED_IDENTITY_LINK").stream().anyMatch(e ->
                    "true".equals(e.path("details").path("reregistered").asText())));
            // samuel renames himself (Account Console API, event UPDATE_PROFILE): the master follows again.
            String own = token(slave, "ucd-slave", "samuel", "sam-password");
            ObjectNode profile = (ObjectNode) api("GET", slave.realmUrl("ucd-slave") + "/account/", own, null)
                    .get("body");
            profile.put("username", "sammy");
            profile.remove("userProfileMetadata");
            JsonNode updated = api("POST", slave.realmUrl("ucd-slave") + "/account/", own, profile.toString());
            assertEquals(204, updated.get("status").asInt(), updated.toString());
            assertEquals("sammy", masterFederations().get(0).get("slaveNameId").asText());
            // Ended from the master under the new name.
            JsonNode ended = api("DELETE", master.realmUrl("ucd-master") + "/protocol/liberty-idff/federations?slave="
                    + URLEncoder.encode(slaveApi(), StandardCharsets.UTF_8), token(master, "ucd-master", "bob",
                    "bob-password"), null);
            assertEquals(204, ended.get("status").asInt(), ended.toString());
            assertEquals(0, slave.admin("ucd-slave/users/" + sam + "/federated-identity").size());

            // The master is down during a rename: it keeps the former name, which the slave still answers to.
            rename(sam, "sam");
            federate();
            master.close();
            rename(sam, "samuel");
            master.start();
            assertEquals("sam", masterFederations().get(0).get("slaveNameId").asText());
            assertEquals(204, api("DELETE", slaveApi() + "/federations/master-one",
                    token(slave, "ucd-slave", "samuel", "sam-password"), null).get("status").asInt());
            assertEquals(0, masterFederations().size());
        } finally {
            rename(sam, "sam");
        }
    }

    @Test
    @Order(7)
    void unlinkingInTheAccountConsoleTellsTheMaster() throws Exception {
        federate();
        JsonNode unlinked = api("DELETE", slave.realmUrl("ucd-slave") + "/account/linked-accounts/master-one",
                token(slave, "ucd-slave", "sam", "sam-password"), null);
        assertEquals(204, unlinked.get("status").asInt(), unlinked.toString());
        assertEquals(0, slaveLinks().size());
        assertEquals(0, masterFederations().size());

        // The slave's administrator removes the link (Users, Identity provider links): the master is told too.
        federate();
        String sam = slave.admin("ucd-slave/users?username=sam&exact=true").get(0).get("id").asText();
        assertEquals(204, slave.adminSend("DELETE", "ucd-slave/users/" + sam + "/federated-identity/master-one",
                null).statusCode());
        assertEquals(0, slaveLinks().size());
        assertEquals(0, masterFederations().size());
    }

    /** RFC 6238 TOTP (HMAC-SHA1, 30 s steps, 6 digits) over the secret Keycloak holds for the credential. */
    static String totp(String secret, long epochSeconds) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(epochSeconds / 30).array());
        int o = h[h.length - 1] & 0xf;
        int code = ((h[o] & 0x7f) << 24 | (h[o + 1] & 0xff) << 16 | (h[o + 2] & 0xff) << 8 | (h[o + 3] & 0xff))
                % 1_000_000;
        return String.format("%06d", code);
    }

    static URI otpAction(HttpResponse<String> page) {
        Matcher action = Pattern.compile("id=\"kc-otp-login-form\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
        assertTrue(action.find(), page.body());
        return URI.create(action.group(1).replace("&amp;", "&"));
    }

    @Test
    @Order(8)
    void theMasterCanAskForAOneTimeCode() throws Exception {
        // dave set up an authenticator app: the master's flow asks him for its code after his password.
        RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
        HttpResponse<String> otpForm = credentialsAtMaster(browser, startFederation(token(slave, "ucd-slave", "sam",
                "sam-password"), "dave"), "dave", "dave-password");
        assertEquals(200, otpForm.statusCode(), otpForm.body());
        String code = totp("dave-totp-secret-2026", Instant.now().getEpochSecond());
        String wrongCode = String.format("%06d", (Integer.parseInt(code) + 500_000) % 1_000_000);
        URI post = otpAction(otpForm);
        HttpResponse<String> again = withinMaster(browser, post, browser.postForm(post, "otp=" + wrongCode));
        assertEquals(0, masterFederations().size());
        post = otpAction(again);
        HttpResponse<String> question = withinMaster(browser, post, browser.postForm(post, "otp="
                + totp("dave-totp-secret-2026", Instant.now().getEpochSecond())));
        HttpResponse<String> back = confirm(browser, question, "accept=Federate");
        assertEquals(303, back.statusCode(), back.body());
        assertTrue(browser.get(URI.create(back.headers().firstValue("Location").orElseThrow()), null).body()
                .contains("data-result=\"linked\""));
        assertEquals("dave", slaveLinks().get(0).get("masterAccount").asText());
        assertEquals(204, api("DELETE", slaveApi() + "/federations/master-one",
                token(slave, "ucd-slave", "sam", "sam-password"), null).get("status").asInt());
    }

    @Test
    @Order(8)
    void theMasterCanAuthenticateTheUserWithGba() throws Exception {
        // Bob's device holds his ISIM (TS 35.207 test set 2 keys); the master realm is also his operator's BSF.
        Device bobsDevice = new Device(new SoftwareIsim("bob@ims.master.example",
                Hex.decode("0396eb317b6d1c36f19c1c84cd6ffd16"), Hex.decode("53c15671c60a4b731c55b4a441c0bde2"),
                new Sqn(0)), DeviceState.load(null), URI.create(master.realmUrl("ucd-master") + "/gba-bsf"),
                UaSecurityProtocolId.HTTP_DIGEST, Duration.ofSeconds(10));
        URI toMaster = startFederation(token(slave, "ucd-slave", "sam", "sam-password"), "bob");
        UaClient.Result atMaster = bobsDevice.login(toMaster, u -> u.toString().startsWith(slaveApi()),
                (uri, body) -> consentPage(body).map(action -> HttpRequest.newBuilder(action)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("accept=Federate"))));
        assertTrue(atMaster.nafAuthenticated(), "the master proved it holds Ks_NAF");
        HttpResponse<String> result = new RawUserAgent("d").get(atMaster.finalRedirect(), null);
        assertEquals(200, result.statusCode(), result.body());
        assertEquals("bob", slaveLinks().get(0).get("masterAccount").asText());
        assertEquals("sam", masterFederations().get(0).get("slaveNameId").asText());
    }

    @Test
    @Order(9)
    void aPersonFederatesFromTheSlavesPage() throws Exception {
        api("DELETE", slaveApi() + "/federations/master-one", token(slave, "ucd-slave", "sam", "sam-password"),
                null);
        RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
        HttpResponse<String> anonymous = browser.get(URI.create(slaveApi() + "/"), null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.body().contains("data-result=\"sign-in-first\""));

        // Signed in at the slave (steps 1-2) through any of its clients.
        signInAtSlave(browser);

        // Step 3: the page lists the masters; the person names the master account.
        HttpResponse<String> page = browser.get(URI.create(slaveApi() + "/"), null);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("<option value=\"master-one\">Master UCD server one</option>"), page.body());
        Matcher token = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(token.find());
        HttpResponse<String> toMaster = browser.postForm(URI.create(slaveApi() + "/federate"),
                "master=master-one&masterAccount=bob&formToken=" + token.group(1));
        assertEquals(303, toMaster.statusCode(), toMaster.body());
        HttpResponse<String> back = loginAtMaster(browser, URI.create(toMaster.headers().firstValue("Location")
                .orElseThrow()), "bob", "bob-password");
        HttpResponse<String> result = browser.get(URI.create(back.headers().firstValue("Location").orElseThrow()),
                null);
        assertTrue(result.body().contains("data-result=\"linked\""), result.body());
        assertEquals("bob", slaveLinks().get(0).get("masterAccount").asText());

        // The form token was single-use.
        assertEquals(400, browser.postForm(URI.create(slaveApi() + "/federate"),
                "master=master-one&masterAccount=bob&formToken=" + token.group(1)).statusCode());

        // The page lists the federation. Ending it there sends the user agent to the master with the signed
        // notification (fedterm-sp-http), and the master sends it back to the slave's return URL.
        HttpResponse<String> listed = browser.get(URI.create(slaveApi() + "/"), null);
        assertTrue(listed.body().contains("bob at master-one"), listed.body());
        Matcher endToken = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"").matcher(listed.body());
        assertTrue(endToken.find());
        HttpResponse<String> ending = browser.postForm(URI.create(slaveApi() + "/end"),
                "master=master-one&formToken=" + endToken.group(1));
        assertEquals(303, ending.statusCode(), ending.body());
        URI fedterm = URI.create(ending.headers().firstValue("Location").orElseThrow());
        assertTrue(fedterm.getPath().endsWith("/realms/ucd-master/protocol/liberty-idff/fedterm")
                && fedterm.getRawQuery().contains("&Signature="), fedterm.toString());
        HttpResponse<String> atMaster = browser.get(fedterm, null);
        assertEquals(303, atMaster.statusCode(), atMaster.body());
        HttpResponse<String> ended = browser.get(URI.create(atMaster.headers().firstValue("Location").orElseThrow()),
                null);
        assertTrue(ended.body().contains("data-result=\"terminated\""), ended.body());
        assertEquals(0, slaveLinks().size());
        assertEquals(0, masterFederations().size());
        // The same notification again is refused at the master (replay).
        assertEquals(400, browser.get(fedterm, null).statusCode());

        // The next test starts from sam and bob federated.
        federate();
    }

    /** sam signs in at the slave in this browser, through one of its clients (seed steps 1-2). */
    static void signInAtSlave(RawUserAgent browser) throws Exception {
        HttpResponse<String> loginForm = browser.get(URI.create(slave.realmUrl("ucd-slave")
                + "/protocol/openid-connect/auth?client_id=ucd-web&response_type=code&scope=openid"
                + "&redirect_uri=https%3A%2F%2Fucd-client.example%2Fcb"), null);
        Matcher login = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(loginForm.body());
        assertTrue(login.find(), loginForm.body());
        HttpResponse<String> signedIn = browser.postForm(URI.create(login.group(1).replace("&amp;", "&")),
                "username=sam&password=sam-password");
        assertTrue(signedIn.headers().firstValue("Location").orElseThrow().startsWith("https://ucd-client.example/cb"));
    }

    /** What the master's administrator sees of the federations with the slave. */
    static JsonNode federationsWithSlave() throws Exception {
        return master.admin("ucd-master/ucd-liberty-partners/slaves/federations?slave="
                + URLEncoder.encode(slaveApi(), StandardCharsets.UTF_8));
    }

    @Test
    @Order(10)
    void removingTheMasterUserOrTheSlaveClientRemovesTheirFederations() throws Exception {
        // sam <-> bob from the page test; the master's administrator removes bob.
        assertEquals(1, federationsWithSlave().size());
        String bob = master.admin("ucd-master/users?username=bob&exact=true").get(0).get("id").asText();
        HttpResponse<String> removedUser = master.adminSend("DELETE", "ucd-master/users/" + bob, null);
        assertEquals(204, removedUser.statusCode(), removedUser.body());
        assertEquals(0, federationsWithSlave().size());
        // The slave is told (fedterm-idp-soap, through the master's outbox): sam's link ends there too.
        awaitSlaveLinks(0);

        // sam federates with carol.
        federateSamWith("carol", "carol-password");
        assertEquals(1, federationsWithSlave().size());

        String id = master.admin("ucd-master/clients?clientId=" + URLEncoder.encode(slaveApi(),
                StandardCharsets.UTF_8)).get(0).get("id").asText();
        HttpResponse<String> removed = master.adminSend("DELETE", "ucd-master/clients/" + id, null);
        assertEquals(204, removed.statusCode(), removed.body());
        assertEquals(0, federationsWithSlave().size());
    }

    @Test
    @Order(2)
    void theMasterShowsTheSlaveAccountAndDecliningLeavesNoFederation() throws Exception {
        URI toMaster = startFederation(token(slave, "ucd-slave", "sam", "sam-password"), "bob");
        RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
        HttpResponse<String> question = credentialsAtMaster(browser, toMaster, "bob", "bob-password");
        assertEquals(200, question.statusCode(), question.body());
        assertTrue(question.body().contains("Link your account bob here with the account sam at"), question.body());
        HttpResponse<String> declined = confirm(browser, question, "decline=No");
        assertEquals(303, declined.statusCode(), declined.body());
        HttpResponse<String> result = browser.get(URI.create(declined.headers().firstValue("Location")
                .orElseThrow()), null);
        assertEquals(403, result.statusCode(), result.body());
        assertEquals(0, slaveLinks().size());
        assertEquals(0, masterFederations().size());
    }

    /** A realm's RS256 signing certificate (base64 DER), as its administrator would copy it from Realm keys. */
    static String certificate(KeycloakServer server, String realm) throws Exception {
        for (JsonNode key : server.admin(realm + "/keys").get("keys")) {
            if ("RS256".equals(key.path("algorithm").asText()) && "SIG".equals(key.path("use").asText())) {
                return key.get("certificate").asText();
            }
        }
        throw new AssertionError("no RS256 key in " + realm);
    }

    static JsonNode slaveClients() throws Exception {
        return master.admin("ucd-master/clients?clientId=" + URLEncoder.encode(slaveApi(), StandardCharsets.UTF_8));
    }

    @Test
    @Order(11)
    void partnersRegisteredByHandFederate() throws Exception {
        // The admin console shows the page "Liberty ID-FF slaves" (a declarative UI page of this bundle).
        HttpResponse<String> info = HTTP.send(HttpRequest.newBuilder(URI.create(master.url() + "/admin/serverinfo"))
                .header("Authorization", "Bearer " + master.adminToken()).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode pages = JSON.readTree(info.body()).get("componentTypes")
                .get("org.keycloak.services.ui.extend.UiPageProvider");
        assertTrue(pages.toString().contains("\"id\":\"liberty-idff-slaves\"") && pages.toString()
                .contains("RegisterNameIdentifierServiceReturnURL"), pages.toString());

        // The slave was removed at the master (test 10); its administrator registers it again, by hand, through
        // the page: what the admin console posts when the form is saved.
        ObjectNode entry = JSON.createObjectNode();
        entry.put("name", "Slave UCD server");
        entry.put("providerId", "liberty-idff-slaves");
        entry.put("providerType", "org.keycloak.services.ui.extend.UiPageProvider");
        entry.put("parentId", master.admin("ucd-master").get("id").asText());
        ObjectNode config = entry.putObject("config");
        // The console adds its route parameters (realm, providerId = the page's id) to what the form holds.
        config.putArray("realm").add("ucd-master");
        config.putArray("providerId").add("liberty-idff-slaves");
        config.putArray("slaveProviderId").add(slaveApi());
        config.putArray("name").add("Slave UCD server");
        config.putArray("registerNameIdentifierUrl").add(slaveApi() + "/idff/rni-return");
        config.putArray("soapEndpoint").add(slaveApi() + "/idff/soap");
        config.putArray("sigAlg").add("rsa-sha256");
        config.putArray("signingCertificate").add("MIIBnotacertificate");
        HttpResponse<String> refused = master.adminSend("POST", "ucd-master/components", entry);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("signingCertificate"), refused.body());
        assertEquals(0, slaveClients().size());

        config.putArray("signingCertificate").add(certificate(slave, "ucd-slave"));
        HttpResponse<String> saved = master.adminSend("POST", "ucd-master/components", entry);
        assertEquals(201, saved.statusCode(), saved.body());
        assertEquals("liberty-idff", slaveClients().get(0).get("protocol").asText());

        // The slave's administrator gives the master's settings one by one in the identity provider's form.
        JsonNode idp = slave.admin("ucd-slave/identity-provider/instances/master-one");
        ObjectNode byHand = ((ObjectNode) idp.deepCopy());
        ObjectNode idpConfig = byHand.putObject("config");
        String masterProtocol = master.realmUrl("ucd-master") + "/protocol/liberty-idff";
        idpConfig.put("libertyProviderId", masterProtocol);
        idpConfig.put("libertyRegisterNameIdentifierUrl", "ftp://nowhere/rni");
        idpConfig.put("libertySoapEndpoint", masterProtocol + "/soap");
        idpConfig.put("libertySigningCertificate", certificate(master, "ucd-master"));
        idpConfig.put("libertySigAlg", "rsa-sha256");
        HttpResponse<String> badIdp = slave.adminSend("PUT", "ucd-slave/identity-provider/instances/master-one",
                byHand);
        assertEquals(400, badIdp.statusCode(), badIdp.body());
        assertTrue(badIdp.body().contains("registerNameIdentifierUrl"), badIdp.body());
        idpConfig.put("libertyRegisterNameIdentifierUrl", masterProtocol + "/rni");
        slave.adminPut("ucd-slave/identity-provider/instances/master-one", byHand);
        assertTrue(slave.admin("ucd-slave/identity-provider/instances/master-one").get("config")
                .path("libertyMetadata").isMissingNode());

        // sam ends the link left from test 10 (the master knows the slave again), then federates with carol.
        assertEquals(204, api("DELETE", slaveApi() + "/federations/master-one",
                token(slave, "ucd-slave", "sam", "sam-password"), null).get("status").asInt());
        federateSamWith("carol", "carol-password");
        assertEquals(1, federationsWithSlave().size());
        assertEquals("carol", slaveLinks().get(0).get("masterAccount").asText());

        // Termination from the master reaches the slave at the SOAP endpoint given by hand.
        JsonNode ended = api("DELETE", masterProtocol + "/federations?slave=" + URLEncoder.encode(slaveApi(),
                StandardCharsets.UTF_8), token(master, "ucd-master", "carol", "carol-password"), null);
        assertEquals(204, ended.get("status").asInt(), ended.toString());
        assertEquals(0, slaveLinks().size());

        // The slave takes the master's metadata again (it lists termination by redirect). sam ends a federation on
        // the page; the slave registered by hand gave the master no return URL, so the master shows the outcome.
        ObjectNode masterAtSlave = JSON.createObjectNode();
        masterAtSlave.put("alias", "master-one");
        masterAtSlave.put("metadataUrl", masterProtocol + "/metadata");
        assertEquals(200, slave.adminPost("ucd-slave/ucd-liberty-partners/masters", masterAtSlave));
        federateSamWith("carol", "carol-password");
        assertEquals(1, federationsWithSlave().size());
        RawUserAgent person = new RawUserAgent("Mozilla/5.0");
        signInAtSlave(person);
        Matcher formToken = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"")
                .matcher(person.get(URI.create(slaveApi() + "/"), null).body());
        assertTrue(formToken.find());
        HttpResponse<String> ending = person.postForm(URI.create(slaveApi() + "/end"), "master=master-one&formToken="
                + formToken.group(1));
        assertEquals(303, ending.statusCode(), ending.body());
        HttpResponse<String> atMaster = person.get(URI.create(ending.headers().firstValue("Location").orElseThrow()),
                null);
        assertEquals(200, atMaster.statusCode(), atMaster.body());
        assertTrue(atMaster.body().contains("The federation has ended."), atMaster.body());
        assertEquals(0, federationsWithSlave().size());
        assertEquals(0, slaveLinks().size());
    }

    @Test
    @Order(12)
    void aMasterThatCannotBeReachedIsToldLater() throws Exception {
        federateSamWith("carol", "carol-password");
        assertEquals(1, federationsWithSlave().size());

        // The master is down while sam unlinks it in the Account Console: the link ends here, the
        // termination waits in the slave's outbox and reaches the master once it is back.
        master.close();
        JsonNode unlinked = api("DELETE", slave.realmUrl("ucd-slave") + "/account/linked-accounts/master-one",
                token(slave, "ucd-slave", "sam", "sam-password"), null);
        assertEquals(204, unlinked.get("status").asInt(), unlinked.toString());
        assertEquals(0, slaveLinks().size());
        master.start();
        // Retries double from 1 s: allow for a slow restart (the attempt after 31 s comes at 63 s).
        for (int i = 0; i < 240 && federationsWithSlave().size() != 0; i++) {
            Thread.sleep(500);
        }
        assertEquals(0, federationsWithSlave().size());
        assertTrue(slave.logText().contains("termination queued"));
    }

    @Test
    @Order(13)
    void deletingTheEntryOnThePageRemovesTheSlave() throws Exception {
        JsonNode entries = master.admin("ucd-master/components?type="
                + URLEncoder.encode("org.keycloak.services.ui.extend.UiPageProvider", StandardCharsets.UTF_8));
        assertEquals(1, entries.size(), entries.toString());
        HttpResponse<String> deleted = master.adminSend("DELETE", "ucd-master/components/"
                + entries.get(0).get("id").asText(), null);
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals(0, slaveClients().size());

        // Saved again; this time the administrator deletes the client under Clients: the entry goes with it.
        ObjectNode again = ((ObjectNode) entries.get(0)).deepCopy();
        again.remove("id");
        assertEquals(201, master.adminSend("POST", "ucd-master/components", again).statusCode());
        assertEquals(1, slaveClients().size());
        assertEquals(204, master.adminSend("DELETE", "ucd-master/clients/" + slaveClients().get(0).get("id")
                .asText(), null).statusCode());
        assertEquals(0, master.admin("ucd-master/components?type=" + URLEncoder.encode(
                "org.keycloak.services.ui.extend.UiPageProvider", StandardCharsets.UTF_8)).size());

        // An entry never takes over a client it did not make (a realm manager may save entries).
        ObjectNode slaveAtMaster = JSON.createObjectNode();
        slaveAtMaster.put("metadataUrl", slave.realmUrl("ucd-slave") + "/ucd-federation/idff/metadata");
        assertEquals(201, master.adminPost("ucd-master/ucd-liberty-partners/slaves", slaveAtMaster));
        HttpResponse<String> takeover = master.adminSend("POST", "ucd-master/components", again);
        assertEquals(400, takeover.statusCode(), takeover.body());
        assertEquals(1, slaveClients().size());
    }

    @Test
    @Order(14)
    void aRenameForAFederationTheMasterNoLongerHoldsIsRefused() throws Exception {
        // sam and carol federate; the master's administrator removes the slave client (the slave is not told)
        // and registers the slave again: the slave still holds a link the master has no record of.
        federateSamWith("carol", "carol-password");
        assertEquals(1, slaveLinks().size());
        assertEquals(204, master.adminSend("DELETE", "ucd-master/clients/" + slaveClients().get(0).get("id")
                .asText(), null).statusCode());
        ObjectNode slaveAtMaster = JSON.createObjectNode();
        slaveAtMaster.put("metadataUrl", slave.realmUrl("ucd-slave") + "/ucd-federation/idff/metadata");
        assertEquals(201, master.adminPost("ucd-master/ucd-liberty-partners/slaves", slaveAtMaster));

        String sam = slave.admin("ucd-slave/users?username=sam&exact=true").get(0).get("id").asText();
        try {
            rename(sam, "samuel");
            // The master answers the signed RegisterNameIdentifierRequest with lib:FederationDoesNotExist, and the
            // slave ends the link it held alone.
            assertTrue(master.events("ucd-master", "FEDERATED_IDENTITY_LINK_ERROR").stream().anyMatch(e ->
                    "liberty_federation_does_not_exist".equals(e.path("error").asText())));
            assertEquals(0, slave.admin("ucd-slave/users/" + sam + "/federated-identity").size());
            assertTrue(slave.events("ucd-slave", "REMOVE_FEDERATED_IDENTITY").stream().anyMatch(e ->
                    "the master holds no such federation".equals(e.path("details").path("reason").asText())));
            assertEquals(0, federationsWithSlave().size());
        } finally {
            rename(sam, "sam");
        }
    }
}
