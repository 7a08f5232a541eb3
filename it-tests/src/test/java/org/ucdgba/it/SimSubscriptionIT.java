package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.ucdgba.gba.client.Device;
import org.ucdgba.gba.client.DeviceState;
import org.ucdgba.gba.client.SoftwareIsim;
import org.ucdgba.gba.client.UaClient;
import org.ucdgba.gba.core.Hex;
import org.ucdgba.gba.core.aka.Sqn;
import org.ucdgba.gba.core.kdf.UaSecurityProtocolId;

/**
 * An operator gives a user a SIM subscription on the user's page of the admin console (the "SIM subscription"
 * tab), in a real Chromium: a key that is not hex is refused by name and nothing is written; the right keys give
 * the user a gba-aka credential that no stored form keeps, and the subscriber logs in to a site by GBA.
 */
class SimSubscriptionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** TS 35.207 test set 5. */
    private static final String K = "4ab1deb05ca6ceb051fc98e77d026a84";
    private static final String OPC = "dcf07cbd51855290b92a07a9891e523e";
    private static KeycloakServer keycloak;

    @BeforeAll
    static void start() throws Exception {
        keycloak = OperatorKeycloak.get();
    }

    private static String newUser() throws Exception {
        String name = "sim-" + UUID.randomUUID().toString().substring(0, 8);
        keycloak.adminPost("operator/users", JSON.readTree("{\"username\":\"" + name + "\",\"enabled\":true}"));
        return keycloak.admin("operator/users?exact=true&username=" + name).get(0).get("id").asText();
    }

    private static List<JsonNode> simCredentials(String userId) throws Exception {
        List<JsonNode> sims = new ArrayList<>();
        keycloak.admin("operator/users/" + userId + "/credentials").forEach(c -> {
            if ("gba-aka".equals(c.path("type").asText())) {
                sims.add(c);
            }
        });
        return sims;
    }

    private static void save(Browser browser) {
        browser.click(By.xpath("//button[normalize-space()='Save']"));
    }

    /** A field of the tab: the admin console names it config.<property>. */
    private static void type(Browser browser, String field, String value) {
        browser.type(By.id("config." + field), value);
    }

    @Test
    void anOperatorGivesAUserASimAndTheSubscriberLogsInByGba() throws Exception {
        String userId = newUser();
        String impi = "carla-" + userId.substring(0, 8) + "@ims.operator.example";
        try (Browser browser = Browser.start("en", null)) {
            String tab = keycloak.url() + "/admin/master/console/#/operator/users/" + userId + "/sim";
            browser.open(tab);
            browser.type(By.id("username"), "admin");
            browser.type(By.id("password"), "admin");
            browser.click(By.id("kc-login"));
            browser.awaitUrl(keycloak.url() + "/admin/master/console/");
            browser.open(tab);
            browser.screenshot("admin-sim-tab");
            type(browser, "impi", impi);
            type(browser, "k", "not hex");
            type(browser, "opc", OPC);
            save(browser);
            browser.await(By.xpath("//*[contains(., 'K must be 16 octets in hex')]"));
            browser.screenshot("admin-sim-refused");
            assertEquals(List.of(), simCredentials(userId), "nothing is written");

            browser.open(tab);
            type(browser, "impi", impi);
            type(browser, "k", K);
            type(browser, "opc", OPC);
            save(browser);
            for (int i = 0; i < 40 && simCredentials(userId).isEmpty(); i++) {
                Thread.sleep(250);
            }
            browser.screenshot("admin-sim-saved");
        }
        List<JsonNode> sims = simCredentials(userId);
        assertEquals(1, sims.size());
        assertEquals("SIM (ISIM) subscription", sims.get(0).path("userLabel").asText());
        assertTrue(sims.get(0).path("createdDate").asLong() > 0, "a created date the console can show");
        HttpResponse<String> components = keycloak.adminSend("GET", "operator/components?type="
                + "org.keycloak.services.ui.extend.UiTabProvider", null);
        assertFalse(components.body().contains(K) || components.body().contains(OPC), "no stored form keeps a key");

        DeviceState state = DeviceState.load(null);
        Device device = new Device(new SoftwareIsim(impi, Hex.decode(K), Hex.decode(OPC), new Sqn(0)), state,
                URI.create(keycloak.realmUrl("operator") + "/gba-bsf"), UaSecurityProtocolId.HTTP_DIGEST,
                Duration.ofSeconds(10));
        OidcSite site = OidcSite.of(keycloak, "demo-rp", GbaLoginIT.RP_CALLBACK);
        UaClient.Result login = device.login(site.request().toURI(), u -> u.toString()
                .startsWith(GbaLoginIT.RP_CALLBACK));
        assertTrue(login.nafAuthenticated());
        assertEquals(userId, site.redeem(login.finalRedirect()).getSubject());
    }

    @Test
    void theTabRefusesAnUnusableFieldByNameOverTheComponentsApi() throws Exception {
        String userId = newUser();
        ObjectNode component = (ObjectNode) JSON.readTree("{\"name\":\"gba-sim\",\"providerId\":\"gba-sim\","
                + "\"providerType\":\"org.keycloak.services.ui.extend.UiTabProvider\"}");
        component.put("parentId", keycloak.admin("operator").get("id").asText());
        ObjectNode config = component.putObject("config");
        config.putArray("id").add(userId);
        config.putArray("impi").add("dora-" + userId.substring(0, 8) + "@ims.operator.example");
        config.putArray("k").add(K);
        config.putArray("opc").add("0011");
        HttpResponse<String> refused = keycloak.adminSend("POST", "operator/components", component);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("OPc must be 16 octets in hex"), refused.body());
        assertFalse(refused.body().contains(K), "the key is never echoed");
        assertEquals(List.of(), simCredentials(userId));
    }
}
