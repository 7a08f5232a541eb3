package org.ucdgba.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.ucdgba.gba.client.Device;
import org.ucdgba.gba.client.DeviceState;
import org.ucdgba.gba.client.SoftwareIsim;
import org.ucdgba.gba.core.kdf.UaSecurityProtocolId;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ucdgba.gba.core.Hex;

/**
 * Prepares the realm under load through Keycloak's admin API, so that the driver measures logins rather than the
 * realm's defences: a client for the client-credentials grant ({@value #CC_CLIENT}), a password user
 * ({@value #USER}), one SIM card per worker (imported as card-key rows), and BSF bounds wide enough for a benchmark
 * (no challenge floor; 10,000 challenges per IMPI in a 10 s window). Meant for a benchmark realm only.
 */
final class BenchRealm {

    static final String CC_CLIENT = "bench-cc";
    static final String CC_SECRET = "bench-cc-secret";
    static final String USER = "bench-user";
    static final String PASSWORD = "bench-password-1";

    private final Target target;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String token;

    BenchRealm(Target target) {
        this.target = target;
    }

    /** Makes the client, the user, the bounds and {@code cards} SIM cards; answers the cards. */
    List<Card> prepare(int cards) throws IOException, InterruptedException {
        return prepare(cards, Map.of());
    }

    /**
     * The same, with {@code settings} (realm attributes) over the benchmark's own; all go in one update, since
     * Keycloak's realm update replaces the realm's attributes with those it is given (the BSF's domain is then the
     * request's host, localhost, as the demo realm has it).
     */
    List<Card> prepare(int cards, Map<String, String> settings) throws IOException, InterruptedException {
        token = adminToken();
        send("POST", "/clients", "{\"clientId\":\"" + CC_CLIENT + "\",\"secret\":\"" + CC_SECRET + "\","
                + "\"publicClient\":false,\"serviceAccountsEnabled\":true,\"standardFlowEnabled\":false}", 409);
        send("POST", "/users", "{\"username\":\"" + USER + "\",\"enabled\":true,\"email\":\"" + USER
                + "@bench.example\",\"emailVerified\":true,\"firstName\":\"Bench\",\"lastName\":\"User\","
                + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + PASSWORD + "\",\"temporary\":false}]}",
                409);
        Map<String, String> bench = new LinkedHashMap<>(Map.of("gba.bsf.challengeFloorMillis", "0",
                "gba.bsf.throttleWindow", "10", "gba.bsf.ubChallengesPerImpi", "10000",
                "gba.bsf.ubFailuresPerImpi", "10000"));
        bench.putAll(settings);
        StringJoiner attributes = new StringJoiner(",", "{\"attributes\":{", "}}");
        bench.forEach((k, v) -> attributes.add("\"" + k + "\":\"" + v + "\""));
        send("PUT", "", attributes.toString(), -1);
        List<Card> all = new ArrayList<>();
        StringBuilder csv = new StringBuilder("ICCID,IMSI,KI,OPC\n");
        for (int i = 1; i <= cards; i++) {
            Card card = Card.number(i);
            all.add(card);
            csv.append(card.csvRow());
        }
        HttpResponse<String> imported = http.send(request("/gba-subscribers/import?mncDigits=2")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 200 || !imported.body().contains("\"refused\":0")) {
            throw new IOException("card import failed: HTTP " + imported.statusCode() + " " + imported.body());
        }
        return all;
    }

    /** The ids of the users holding {@code cards}, in the same order. */
    List<String> userIds(List<Card> cards) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        Pattern id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
        for (Card c : cards) {
            Matcher m = id.matcher(send("GET", "/users?briefRepresentation=true&q=gba.impi:"
                    + Browser.enc(c.impi()), null, -1));
            if (!m.find()) {
                throw new IOException("no user holds " + c.impi());
            }
            ids.add(m.group(1));
        }
        return ids;
    }

    /** Reads each user once through the admin API, which puts it into Keycloak's user cache. */
    void warm(List<String> userIds) throws IOException, InterruptedException {
        for (String id : userIds) {
            send("GET", "/users/" + id, null, -1);
        }
    }

    private String adminToken() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(target.baseUrl()
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                        + Browser.enc(target.admin()) + "&password=" + Browser.enc(target.adminPassword())))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IOException("no admin token: HTTP " + r.statusCode());
        }
        return m.group(1);
    }

    /**
     * An admin call on the realm, with a new admin token once when the last one expired; an {@link IOException}
     * unless 2xx or {@code tolerated}.
     */
    private String send(String method, String path, String json, int tolerated)
            throws IOException, InterruptedException {
        HttpResponse<String> r = sendOnce(method, path, json);
        if (r.statusCode() == 401) {
            token = adminToken();
            r = sendOnce(method, path, json);
        }
        if (r.statusCode() / 100 != 2 && r.statusCode() != tolerated) {
            throw new IOException(method + " " + path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private HttpResponse<String> sendOnce(String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(target.baseUrl() + "/admin/realms/" + target.realm() + path))
                .header("Authorization", "Bearer " + token);
    }

    /** A benchmark SIM card: IMSI 00101 and ten digits, K and OPc made from its number (not secrets). */
    record Card(String imsi, byte[] k, byte[] opc) {

        static Card number(int n) {
            return new Card(String.format("00101%010d", 900_000 + n), Hex.decode(String.format("%032x", 0x5000L + n)),
                    Hex.decode(String.format("%032x", 0x6000L + n)));
        }

        /**
         * A device holding this card, bootstrapping at {@code bsf} over {@code http}. SQN_MS is the state's: a new
         * state takes whatever SQN the network sends next.
         */
        Device device(DeviceState state, URI bsf, HttpClient http, Duration timeout) {
            return new Device(new SoftwareIsim(impi(), k, opc, state.sqn()), state, bsf,
                    UaSecurityProtocolId.HTTP_DIGEST, http, timeout);
        }

        /** The IMPI TS 23.003 clause 13.3 derives from the IMSI (MNC of two digits). */
        String impi() {
            return imsi + "@ims.mnc001.mcc001.3gppnetwork.org";
        }

        String csvRow() {
            return "89882110" + imsi.substring(5) + "1," + imsi + "," + Hex.encode(k) + "," + Hex.encode(opc) + "\n";
        }
    }
}
