package org.ucdgba.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real Keycloak distribution as a separate process for the integration tests: a private copy of the unpacked
 * {@code keycloak-quarkus-dist} under target/, our provider jars in {@code providers/}, realms imported from JSON
 * templates, dev mode with its embedded H2 database on free loopback ports, readiness awaited on the health
 * endpoint, the log kept under target/keycloak-logs. Started once per test class, each time on a fresh database.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final String name;
    private final Path home;
    private final Path log;
    private final String host;
    private final int port;
    private final int managementPort;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> options = new ArrayList<>();
    private final int clusterPort;
    private PostgresServer database;
    private String publicUrl;
    private Process process;

    private KeycloakServer(String name, Path home, String host, int port, int managementPort, int clusterPort) {
        this.name = name;
        this.home = home;
        this.host = host;
        this.port = port;
        this.managementPort = managementPort;
        this.clusterPort = clusterPort;
        this.log = Path.of(System.getProperty("logs.dir", "target/keycloak-logs")).resolve(name + ".log");
    }

    /**
     * Prepares a server named {@code name} reachable as {@code host}: copies the distribution (once), installs the
     * providers and the realm templates with {@code ${KC_URL}} and the given placeholders replaced.
     */
    public static KeycloakServer prepare(String name, String host, List<String> realmResources,
                                         Map<String, String> placeholders) throws IOException {
        Path dist = Path.of(System.getProperty("keycloak.home", "target/keycloak-26.7.3"));
        if (!Files.isExecutable(dist.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution at " + dist + "; run through Maven (verify)");
        }
        Path home = dist.resolveSibling("servers").resolve(name);
        if (!Files.exists(home)) {
            copyTree(dist, home);
        }
        Path providers = Path.of(System.getProperty("providers.dir", "target/release/providers"));
        try (Stream<Path> old = Files.list(home.resolve("providers"))) {
            // Only this build's jars: a renamed or removed jar of an earlier build must not linger.
            for (Path jar : old.filter(p -> p.toString().endsWith(".jar")).toList()) {
                if (!Files.exists(providers.resolve(jar.getFileName()))) {
                    Files.delete(jar);
                }
            }
        }
        try (Stream<Path> jars = Files.list(providers)) {
            for (Path jar : jars.toList()) {
                // Times kept: a production build is redone only when a provider jar really changed.
                Files.copy(jar, home.resolve("providers").resolve(jar.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        KeycloakServer server = new KeycloakServer(name, home, host, freePort(), freePort(), freePort());
        // A fresh database each time: realms are imported from the templates, never left over from a last run.
        deleteTree(home.resolve("data"));
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        for (String resource : realmResources) {
            String json = new String(KeycloakServer.class.getResourceAsStream(resource).readAllBytes(),
                    StandardCharsets.UTF_8);
            // The placeholders first, so that a cluster can give its public URL as KC_URL.
            for (Map.Entry<String, String> p : placeholders.entrySet()) {
                json = json.replace("${" + p.getKey() + "}", p.getValue());
            }
            json = json.replace("${KC_URL}", server.url());
            Files.writeString(imports.resolve(Path.of(resource).getFileName().toString()), json);
        }
        return server;
    }

    /** Adds a command line option (e.g. --features=declarative-ui) from the next start on. */
    public KeycloakServer withOption(String option) {
        options.add(option);
        return this;
    }

    /**
     * From the next start on, production mode ({@code kc.sh build}, then {@code kc.sh start --optimized}) on this
     * PostgreSQL database, as one node of a cluster (Infinispan with its default JDBC_PING discovery, bound to
     * loopback) whose public URL, the load balancer's, is {@code publicUrl}.
     */
    public KeycloakServer clusterNode(PostgresServer database, String publicUrl) {
        this.database = database;
        this.publicUrl = publicUrl;
        return this;
    }

    /** Starts the process and waits until Keycloak reports ready. */
    public KeycloakServer start() throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString()));
        if (database == null) {
            command.addAll(List.of("start-dev", "--health-enabled=true", "--metrics-enabled=true"));
        } else {
            build();
            command.addAll(List.of("start", "--optimized", "--db-url=" + database.jdbcUrl(),
                    "--db-username=" + PostgresServer.USER, "--db-password=" + PostgresServer.USER,
                    "--hostname=" + publicUrl, "--http-enabled=true",
                    "--cache-embedded-network-bind-address=127.0.0.1",
                    "--cache-embedded-network-bind-port=" + clusterPort));
        }
        command.addAll(List.of("--http-host=" + hostAddress(), "--http-port=" + port,
                "--http-management-port=" + managementPort, "--import-realm",
                "--spi-events-listener--jboss-logging--success-level=info"));
        command.addAll(options);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        process = pb.start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        URI health = URI.create("http://" + hostAddress() + ":" + managementPort + "/health/ready");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak " + name + " exited with " + process.exitValue()
                        + "; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        close();
        throw new IllegalStateException("Keycloak " + name + " not ready within " + START_TIMEOUT + "; see " + log);
    }

    /** {@code kc.sh build} for PostgreSQL, again whenever the provider jars changed since the last one. */
    private void build() throws IOException, InterruptedException {
        Path marker = home.resolve("ucdgba-built-for-postgres");
        StringBuilder providers = new StringBuilder();
        try (Stream<Path> jars = Files.list(home.resolve("providers"))) {
            for (Path jar : jars.sorted().toList()) {
                providers.append(jar.getFileName()).append(' ').append(Files.size(jar)).append(' ')
                        .append(Files.getLastModifiedTime(jar)).append('\n');
            }
        }
        if (Files.exists(marker) && Files.readString(marker).contentEquals(providers)) {
            return;
        }
        Process b = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "build", "--db=postgres",
                "--health-enabled=true", "--metrics-enabled=true").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!b.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || b.exitValue() != 0) {
            throw new IllegalStateException("kc.sh build failed for " + name + "; see " + log);
        }
        Files.writeString(marker, providers);
    }

    /** Ends the process with SIGKILL, as a crash would: no shutdown hook, no goodbye to the cluster. */
    public void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        process = null;
    }

    /** The HTTP port this node listens on. */
    public int port() {
        return port;
    }

    /** The base URL, e.g. http://localhost:41234; for a cluster node, the cluster's public URL. */
    public String url() {
        return publicUrl != null ? publicUrl : "http://" + host + ":" + port;
    }

    /** The management interface's URL (health and metrics), e.g. http://127.0.0.1:41235. */
    public String managementUrl() {
        return "http://" + hostAddress() + ":" + managementPort;
    }

    /** The base URL of a realm. */
    public String realmUrl(String realm) {
        return url() + "/realms/" + realm;
    }

    /** The server's process id (its CPU time is in /proc). */
    public long pid() {
        return process.pid();
    }

    /** A token of the bootstrap admin for the admin REST API. */
    public String adminToken() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(realmUrl("master")
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("admin token: HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("access_token").asText();
    }

    /** GET on the admin REST API, parsed. */
    public JsonNode admin(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + path))
                .header("Authorization", "Bearer " + adminToken()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** A request to the admin REST API, its answer whatever the status. */
    public HttpResponse<String> adminSend(String method, String path, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + path))
                .header("Authorization", "Bearer " + adminToken());
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Something a test does (while a setting is changed, or a server is down). */
    public interface Step {
        void run() throws Exception;
    }

    /**
     * Runs {@code step} while the setting {@code key} of the authenticator config in flow {@code flow} of
     * {@code realm} is {@code value}; the former value is put back afterwards.
     */
    public void withAuthenticatorSetting(String realm, String flow, String key, String value, Step step)
            throws Exception {
        ObjectNode config = null;
        for (JsonNode execution : admin(realm + "/authentication/flows/" + flow.replace(" ", "%20")
                + "/executions")) {
            if (execution.has("authenticationConfig")) {
                config = (ObjectNode) admin(realm + "/authentication/config/"
                        + execution.get("authenticationConfig").asText());
            }
        }
        if (config == null) {
            throw new IllegalStateException("no authenticator config in flow " + flow + " of " + realm);
        }
        String path = realm + "/authentication/config/" + config.get("id").asText();
        String former = config.path("config").path(key).asText();
        if ("**********".equals(former)) {
            // The admin API masks secret settings: the former value could not be put back.
            throw new IllegalArgumentException(key + " is secret; change another setting");
        }
        ((ObjectNode) config.get("config")).put(key, value);
        adminPut(path, config);
        try {
            step.run();
        } finally {
            ((ObjectNode) config.get("config")).put(key, former);
            adminPut(path, config);
        }
    }

    /** PUT on the admin REST API. */
    public void adminPut(String path, JsonNode body) throws IOException, InterruptedException {
        succeeded("PUT", path, body);
    }

    /** POST on the admin REST API; answers the status. */
    public int adminPost(String path, JsonNode body) throws IOException, InterruptedException {
        return succeeded("POST", path, body).statusCode();
    }

    private HttpResponse<String> succeeded(String method, String path, JsonNode body)
            throws IOException, InterruptedException {
        HttpResponse<String> r = adminSend(method, path, body);
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r;
    }

    /** Stops and starts the same server on the same ports and database, as an operator's restart does. */
    public KeycloakServer restart() throws IOException, InterruptedException {
        close();
        return start();
    }

    /** The user events of a realm of one type, newest first. */
    public List<JsonNode> events(String realm, String type) throws IOException, InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        admin(realm + "/events?max=1000&type=" + URLEncoder.encode(type, StandardCharsets.UTF_8))
                .forEach(out::add);
        return out;
    }

    /** The server log so far, for assertions on what Keycloak wrote. */
    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private String hostAddress() {
        return "localhost".equals(host) ? "127.0.0.1" : host;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
