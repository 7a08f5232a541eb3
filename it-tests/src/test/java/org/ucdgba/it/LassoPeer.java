package org.ucdgba.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A Lasso ID-FF peer ({@code src/test/python/lasso_peer.py}, Debian's python3-lasso) in its own process on
 * loopback: a service provider (a slave) or an identity provider (a master) for one principal, driven through
 * its control endpoints. What it sends and checks is Lasso's own work.
 */
final class LassoPeer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Path SCRIPT = Path.of("src/test/python/lasso_peer.py");

    private final Process process;
    private final String url;

    private LassoPeer(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts a peer of role {@code sp} or {@code idp}. */
    static LassoPeer start(String role) throws IOException {
        Path log = Files.createTempFile("lasso-peer-" + role, ".log");
        Process p = new ProcessBuilder("/usr/bin/python3", SCRIPT.toString(), role, "0")
                .redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("listening ")) {
            p.destroyForcibly();
            throw new IOException("the Lasso peer did not start: " + Files.readString(log));
        }
        return new LassoPeer(p, line.substring("listening ".length()).trim());
    }

    /** The peer's base URL, also its ProviderID. */
    String url() {
        return url;
    }

    /** Gives the peer its partner's metadata and the signature algorithm it signs with. */
    void partner(String metadata, String sigAlg) throws IOException, InterruptedException {
        send("POST", "/control/partner?sigalg=" + sigAlg, metadata);
    }

    /** The principal's federation as Lasso expects it to exist (workaround 2 of the peer). */
    void federation(String remote, String local) throws IOException, InterruptedException {
        send("POST", "/control/federation?" + (remote != null ? "remote=" + remote : "local=" + local), "");
    }

    /** Starts a name registration: {"url", "newName"} by redirect, {"status", "answer", "newName"} by SOAP. */
    JsonNode rni(String method, boolean tamper) throws IOException, InterruptedException {
        return JSON.readTree(send("GET", "/control/rni?method=" + method + (tamper ? "&tamper=1" : ""), null));
    }

    /** Starts a termination: {"url", "named"} by redirect, {"status", "named"} by SOAP. */
    JsonNode fedterm(String method, boolean tamper) throws IOException, InterruptedException {
        return JSON.readTree(send("GET", "/control/fedterm?method=" + method + (tamper ? "&tamper=1" : ""), null));
    }

    /** Starts a termination by SOAP that names the federation by the peer's own identifier. */
    JsonNode fedtermNamingItsOwnName() throws IOException, InterruptedException {
        return JSON.readTree(send("GET", "/control/fedterm?method=soap&named=own", null));
    }

    /** The principal's federation ({"local", "remote"} or null) and what the peer received. */
    JsonNode state() throws IOException, InterruptedException {
        return JSON.readTree(send("GET", "/control/state", null));
    }

    private String send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException(path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
