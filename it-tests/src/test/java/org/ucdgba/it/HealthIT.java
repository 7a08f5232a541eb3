package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The health group {@code ucdgba} of Keycloak's management interface: each NAF's Zn endpoint, UP while its BSF
 * answers, DOWN naming the NAF when it does not (the demo realm's BSF is up; the slow-BSF realm's never answers),
 * and DOWN once a NAF's BSF becomes unreachable; Keycloak's own readiness stays UP throughout.
 */
class HealthIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeycloakServer keycloak;

    @BeforeAll
    static void start() throws Exception {
        keycloak = OperatorKeycloak.get();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(keycloak.managementUrl() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The data of the check {@code ucdgba-zn} in the group's answer. */
    private static JsonNode zn(HttpResponse<String> r) throws Exception {
        for (JsonNode check : JSON.readTree(r.body()).path("checks")) {
            if ("ucdgba-zn".equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no ucdgba-zn check in " + r.body());
    }

    @Test
    void theGroupNamesEachNafWhoseBsfIsDown() throws Exception {
        HttpResponse<String> group = get("/health/group/ucdgba");
        assertEquals(503, group.statusCode(), group.body());
        JsonNode check = zn(group);
        assertEquals("DOWN", check.path("status").asText());
        assertEquals("UP", check.path("data").path("operator/gba-naf").asText(), group.body());
        assertTrue(check.path("data").path("naf-slow-bsf/gba-naf-slow-bsf").asText().startsWith("DOWN: "),
                group.body());
        assertEquals(200, get("/health/ready").statusCode(), "Keycloak itself stays ready");

        keycloak.withAuthenticatorSetting("operator", "gba browser", "gba.zn.url",
                "http://127.0.0.1:9/realms/operator/gba-bsf/zn", () -> {
                    // Results are kept ten seconds; wait (bounded) for the next probe.
                    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                    String operator = "UP";
                    while (operator.equals("UP") && Instant.now().isBefore(deadline)) {
                        Thread.sleep(1000);
                        operator = zn(get("/health/group/ucdgba")).path("data").path("operator/gba-naf").asText();
                    }
                    assertTrue(operator.startsWith("DOWN: http://127.0.0.1:9/"), operator);
                    assertEquals(200, get("/health/ready").statusCode());
                });
    }

    /**
     * The admin console's "GBA: test Zn connection" page, as the console saves an entry: a NAF whose BSF takes it,
     * one with a Zn client id the BSF does not know and one whose BSF is unreachable, each told apart in words an
     * operator acts on; an entry naming settings the realm does not have is refused.
     */
    @Test
    void theZnTestPageSaysWhatEachNafFound() throws Exception {
        ObjectNode entry = JSON.createObjectNode().put("name", "zn check").put("providerId", "gba-naf-zn-test")
                .put("providerType", "org.keycloak.services.ui.extend.UiPageProvider")
                .put("parentId", keycloak.admin("operator").get("id").asText());
        ObjectNode config = entry.putObject("config");
        config.putArray("name").add("zn check");
        config.putArray("naf").add("gba-naf");
        HttpResponse<String> created = keycloak.adminSend("POST", "operator/components", entry);
        assertEquals(201, created.statusCode(), created.body());
        String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        entry.put("id", id);
        assertTrue(znTestResult(id).contains("gba-naf: OK: the BSF at "), znTestResult(id));

        // A Zn client the BSF does not know (the secret is not read back by the admin API, so it is left alone).
        keycloak.withAuthenticatorSetting("operator", "gba browser", "gba.zn.clientId", "no-such-naf", () -> {
            assertEquals(204, keycloak.adminSend("PUT", "operator/components/" + id, entry).statusCode());
            assertTrue(znTestResult(id).contains("gba-naf: refused by the BSF: "), znTestResult(id));
        });
        keycloak.withAuthenticatorSetting("operator", "gba browser", "gba.zn.url",
                "http://127.0.0.1:9/realms/operator/gba-bsf/zn", () -> {
                    assertEquals(204, keycloak.adminSend("PUT", "operator/components/" + id, entry).statusCode());
                    assertTrue(znTestResult(id).contains("gba-naf: unreachable: "), znTestResult(id));
                });

        config.putArray("naf").add("no-such-naf");
        entry.remove("id");
        HttpResponse<String> refused = keycloak.adminSend("POST", "operator/components", entry);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("no GBA (SIM) login settings named no-such-naf"), refused.body());
        assertEquals(204, keycloak.adminSend("DELETE", "operator/components/" + id, null).statusCode());
    }

    private static String znTestResult(String id) throws Exception {
        return keycloak.admin("operator/components/" + id).path("config").path("result").get(0).asText();
    }
}
