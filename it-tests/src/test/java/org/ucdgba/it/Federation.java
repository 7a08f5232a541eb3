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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The shared two-server fixture of the federation tests: a Master UCD server (realm ucd-master) and a Slave UCD
 * server (realm ucd-slave) on two Keycloak processes, each registered at the other from the other's published
 * metadata, started once for every test class that extends with it and stopped at the end of the run; and what a
 * UCD client and its user agent do with them. Each test makes its own users ({@link #slaveUser},
 * {@link #masterUser}), so that any one can run alone; a test that changes the partners' registration puts it back.
 */
final class Federation implements BeforeAllCallback {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Queued terminations are retried every second here (30 s by default). */
    static final String RETRY_EVERY_SECOND = "--spi-events-listener--ucd-federation--termination-retry-seconds=1";
    /** The slave's alias of the master. */
    static final String MASTER = "master-one";

    static KeycloakServer master;
    static KeycloakServer slave;

    /** A user and its password. */
    record Person(String name, String password, String id) {
    }

    /** A slave user and a master user, federated with each other. */
    record Pair(Person slaveUser, Person masterUser) {
    }

    /** A new slave user and a new master user, federated by the seed flow. */
    static Pair federatedPair() throws Exception {
        Pair pair = new Pair(slaveUser("sam"), masterUser("bob"));
        federate(pair.slaveUser(), pair.masterUser());
        return pair;
    }

    /** Does something while a server is down, and starts it again. */
    static void whileDown(KeycloakServer server, KeycloakServer.Step step) throws Exception {
        server.close();
        try {
            step.run();
        } finally {
            server.start();
        }
    }

    /** Neither side holds the pair's federation any more. */
    static void assertUnfederated(Pair pair) throws Exception {
        assertEquals(0, slaveLinks(pair.slaveUser()).size());
        assertEquals(0, masterFederations(pair.masterUser()).size());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Servers servers = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Servers.class, k -> Servers.start(), Servers.class);
        master = servers.master;
        slave = servers.slave;
    }

    /** The two servers, stopped when the whole run ends. */
    static final class Servers implements ExtensionContext.Store.CloseableResource {
        final KeycloakServer master;
        final KeycloakServer slave;

        private Servers(KeycloakServer master, KeycloakServer slave) {
            this.master = master;
            this.slave = slave;
        }

        static Servers start() {
            try {
                // declarative-ui: the admin console page on which the master's administrator registers slaves.
                KeycloakServer m = KeycloakServer.prepare("ucd-master", "localhost",
                        List.of("/realms/ucd-master-realm.json"), Map.of()).withOption("--features=declarative-ui")
                        .withOption(RETRY_EVERY_SECOND).start();
                KeycloakServer s = KeycloakServer.prepare("ucd-slave", "localhost",
                        List.of("/realms/ucd-slave-realm.json"), Map.of()).withOption(RETRY_EVERY_SECOND).start();
                Federation.master = m;
                Federation.slave = s;
                registerPartners();
                return new Servers(m, s);
            } catch (Exception e) {
                throw new IllegalStateException("the federation servers did not start", e);
            }
        }

        @Override
        public void close() {
            slave.close();
            master.close();
        }
    }

    /** Each side registers the other from its metadata URL; the master asks for consent. Also the cluster's. */
    static void registerPartners() throws Exception {
        registerSlaveAtMaster();
        ObjectNode masterAtSlave = JSON.createObjectNode();
        masterAtSlave.put("alias", MASTER);
        masterAtSlave.put("displayName", "Master UCD server one");
        masterAtSlave.put("metadataUrl", masterProtocol() + "/metadata");
        assertEquals(201, slave.adminPost("ucd-slave/ucd-liberty-partners/masters", masterAtSlave));
        ObjectNode consent = JSON.createObjectNode();
        consent.put("providerId", "ucd-federation-consent");
        consent.put("name", "UCD federation consent");
        master.adminPost("ucd-master/authentication/register-required-action", consent);
    }

    /** The master's administrator registers the slave from its metadata URL. */
    static void registerSlaveAtMaster() throws Exception {
        ObjectNode slaveAtMaster = JSON.createObjectNode();
        slaveAtMaster.put("metadataUrl", slaveApi() + "/idff/metadata");
        slaveAtMaster.put("name", "Slave UCD server");
        int status = master.adminPost("ucd-master/ucd-liberty-partners/slaves", slaveAtMaster);
        assertTrue(status == 201 || status == 200, "registered: " + status);
    }

    static String slaveApi() {
        return slave.realmUrl("ucd-slave") + "/ucd-federation";
    }

    static String masterProtocol() {
        return master.realmUrl("ucd-master") + "/protocol/liberty-idff";
    }

    /** A new user of the slave realm. */
    static Person slaveUser(String prefix) throws Exception {
        return newUser(slave, "ucd-slave", prefix);
    }

    /** A new user of the master realm. */
    static Person masterUser(String prefix) throws Exception {
        return newUser(master, "ucd-master", prefix);
    }

    private static Person newUser(KeycloakServer server, String realm, String prefix) throws Exception {
        return namedUser(server, realm, prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A new user of this exact name. */
    static Person namedUser(KeycloakServer server, String realm, String name) throws Exception {
        String password = "pw-" + name;
        ObjectNode user = JSON.createObjectNode();
        user.put("username", name);
        user.put("enabled", true);
        user.put("email", name + "@" + realm + ".example");
        user.put("firstName", "Test");
        user.put("lastName", "Tester");
        ObjectNode credential = user.putArray("credentials").addObject();
        credential.put("type", "password");
        credential.put("value", password);
        credential.put("temporary", false);
        assertEquals(201, server.adminPost(realm + "/users", user));
        return new Person(name, password, server.admin(realm + "/users?username=" + name + "&exact=true").get(0)
                .get("id").asText());
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
        String form = "grant_type=password&client_id=" + client + "&username=" + URLEncoder.encode(user,
                StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.realmUrl(realm)
                        + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("access_token").asText();
    }

    static String slaveToken(Person p) throws Exception {
        return token(slave, "ucd-slave", p.name(), p.password());
    }

    static String masterToken(Person p) throws Exception {
        return token(master, "ucd-master", p.name(), p.password());
    }

    /** A call of a JSON API with a bearer token: {"status": ..., "body": ...}. */
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

    /** IdentityFederationRequest at the slave; returns the URL of the master the user agent must follow. */
    static URI startFederation(String token, String masterAccount) throws Exception {
        JsonNode started = api("POST", slaveApi() + "/federations", token,
                "{\"master\":\"" + MASTER + "\",\"masterAccount\":\"" + masterAccount + "\"}");
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

    static Optional<URI> consentPage(String body) {
        Matcher action = Pattern.compile("id=\"kc-federation-consent\" action=\"([^\"]+)\"").matcher(body);
        return action.find() ? Optional.of(URI.create(action.group(1).replace("&amp;", "&"))) : Optional.empty();
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
        URI post = loginAction(form);
        return withinMaster(browser, post, browser.postForm(post, "username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8)));
    }

    static URI loginAction(HttpResponse<String> form) {
        Matcher action = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(form.body());
        assertTrue(action.find(), form.body());
        return URI.create(action.group(1).replace("&amp;", "&"));
    }

    /** The seed flow for a slave user and a master account, through the API and a user agent, ending linked. */
    static void federate(Person slaveUser, Person masterUser) throws Exception {
        RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
        HttpResponse<String> back = loginAtMaster(browser, startFederation(slaveToken(slaveUser),
                masterUser.name()), masterUser.name(), masterUser.password());
        assertEquals(303, back.statusCode(), back.body());
        HttpResponse<String> result = browser.get(URI.create(back.headers().firstValue("Location").orElseThrow()),
                null);
        assertEquals(200, result.statusCode(), result.body());
        assertTrue(result.body().contains("data-result=\"linked\""), result.body());
        assertEquals(1, slaveLinks(slaveUser).size());
        assertEquals(1, masterFederations(masterUser).size());
    }

    /** The slave user's links, as the UCD client sees them. */
    static JsonNode slaveLinks(Person p) throws Exception {
        return api("GET", slaveApi() + "/federations", slaveToken(p), null).get("body");
    }

    /** The master user's federations, as the UCD client sees them. */
    static JsonNode masterFederations(Person p) throws Exception {
        return api("GET", masterProtocol() + "/federations", masterToken(p), null).get("body");
    }

    /** Waits (up to 60 s) until the slave user holds this many links: the outbox works in the background. */
    static void awaitSlaveLinks(Person p, int count) throws Exception {
        for (int i = 0; i < 120 && slaveLinks(p).size() != count; i++) {
            Thread.sleep(500);
        }
        assertEquals(count, slaveLinks(p).size(), slaveLinks(p).toString());
    }

    /** A person signs in at the slave in this browser, through one of its clients (seed steps 1-2). */
    static void signInAtSlave(RawUserAgent browser, Person p) throws Exception {
        HttpResponse<String> loginForm = browser.get(URI.create(slave.realmUrl("ucd-slave")
                + "/protocol/openid-connect/auth?client_id=ucd-web&response_type=code&scope=openid"
                + "&redirect_uri=https%3A%2F%2Fucd-client.example%2Fcb"), null);
        HttpResponse<String> signedIn = browser.postForm(loginAction(loginForm), "username=" + p.name()
                + "&password=" + URLEncoder.encode(p.password(), StandardCharsets.UTF_8));
        assertTrue(signedIn.headers().firstValue("Location").orElseThrow().startsWith("https://ucd-client.example/cb"),
                signedIn.body());
    }

    /** The page's single-use form token. */
    static String formToken(String page) {
        Matcher token = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(token.find(), page);
        return token.group(1);
    }

    /** An administrator renames a user. */
    static void rename(KeycloakServer server, String realm, String userId, String username) throws Exception {
        ObjectNode user = (ObjectNode) server.admin(realm + "/users/" + userId);
        user.put("username", username);
        server.adminPut(realm + "/users/" + userId, user);
    }

    /** What the master's administrator sees of the federations with the slave. */
    static JsonNode federationsWithSlave() throws Exception {
        return master.admin("ucd-master/ucd-liberty-partners/slaves/federations?slave="
                + URLEncoder.encode(slaveApi(), StandardCharsets.UTF_8));
    }

    static JsonNode slaveClients() throws Exception {
        return master.admin("ucd-master/clients?clientId=" + URLEncoder.encode(slaveApi(), StandardCharsets.UTF_8));
    }

    /** Whether an event of this type with this error (or detail value) was written since the test began. */
    static boolean event(KeycloakServer server, String realm, String type, String field, String value)
            throws Exception {
        return server.events(realm, type).stream().anyMatch(e -> value.equals(field.equals("error")
                ? e.path("error").asText() : e.path("details").path(field).asText()));
    }

    private Federation() {
    }
}
