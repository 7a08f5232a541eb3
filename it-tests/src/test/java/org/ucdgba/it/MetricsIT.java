package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ucdgba.gba.client.DeviceState;

/**
 * The bundle's meters on Keycloak's metrics endpoint (management port, {@code /metrics}, Prometheus text): they
 * move with a bootstrap, a GBA login whose Ks_NAF came over Zn, one from the cache, and a refused bootstrap.
 */
class MetricsIT {

    private static final Pattern LINE = Pattern.compile("^([a-z_]+)\\{([^}]*)} ([0-9.Ee+-]+)$", Pattern.MULTILINE);
    private static KeycloakServer keycloak;

    @BeforeAll
    static void start() throws Exception {
        keycloak = OperatorKeycloak.get();
    }

    /** The Prometheus text of the metrics endpoint. */
    private static String scrape() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(keycloak.managementUrl() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    /** The sum of the samples of {@code name} whose labels include {@code labels}. */
    private static double value(String text, String name, Map<String, String> labels) {
        double sum = 0;
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            String found = m.group(2);
            if (m.group(1).equals(name) && labels.entrySet().stream()
                    .allMatch(l -> found.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                sum += Double.parseDouble(m.group(3));
            }
        }
        return sum;
    }

    private static double moved(String before, String after, String name, Map<String, String> labels) {
        return value(after, name, labels) - value(before, name, labels);
    }

    @Test
    void theMetersMoveWithBootstrapsLoginsAndZn() throws Exception {
        String before = scrape();
        DeviceState state = DeviceState.load(null);
        for (int i = 0; i < 2; i++) {
            OidcSite site = OidcSite.of(keycloak, "demo-rp", GbaLoginIT.RP_CALLBACK);
            assertTrue(TestSubscriber.device(keycloak, state, TestSubscriber.K).login(site.request().toURI(),
                    u -> u.toString().startsWith(GbaLoginIT.RP_CALLBACK)).nafAuthenticated());
        }
        // A device naming an IMPI no one holds: answered alike at the BSF, counted by its event error.
        assertEquals(401, new RawUserAgent("d").get(URI.create(keycloak.realmUrl("operator") + "/gba-bsf"),
                "Digest username=\"nobody@ims.operator.example\", realm=\"localhost\", nonce=\"\", "
                        + "uri=\"/realms/operator/gba-bsf\", response=\"\"").statusCode());
        String after = scrape();

        Map<String, String> operator = Map.of("realm", "operator", "outcome", "success");
        assertEquals(1, moved(before, after, "ucdgba_bsf_bootstraps_total", operator), "one bootstrap");
        assertTrue(moved(before, after, "ucdgba_bsf_bootstraps_total", Map.of("realm", "operator",
                "outcome", "gba_unknown_subscriber")) >= 1, "the unknown IMPI, by its event error");
        assertEquals(1, moved(before, after, "ucdgba_bsf_zn_requests_total", operator), "one Zn answer");
        assertEquals(1, moved(before, after, "ucdgba_naf_logins_total", Map.of("realm", "operator",
                "outcome", "success", "key_source", "zn")), "the first login fetched Ks_NAF over Zn");
        assertEquals(1, moved(before, after, "ucdgba_naf_logins_total", Map.of("realm", "operator",
                "outcome", "success", "key_source", "cache")), "the second was a cache hit");
        assertEquals(1, moved(before, after, "ucdgba_naf_zn_duration_seconds_count", operator), "one Zn request");
        assertTrue(moved(before, after, "ucdgba_naf_zn_duration_seconds_sum", operator) > 0, "its latency");
    }
}
