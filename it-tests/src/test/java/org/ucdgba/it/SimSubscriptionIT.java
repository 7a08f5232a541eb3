package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import org.ucdgba.gba.client.GbaClientException;
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
            signIn(browser, tab);
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
        OIDCTokens tokens = site.tokens(login.finalRedirect());
        assertEquals(userId, tokens.getIDToken().getJWTClaimsSet().getSubject());

        // The subscriber's Account Console lists the SIM under "Signing in" (its API, as the console reads it).
        HttpResponse<String> signingIn = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                keycloak.realmUrl("operator") + "/account/credentials")).header("Authorization", "Bearer "
                + tokens.getAccessToken().getValue()).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, signingIn.statusCode(), signingIn.body());
        JsonNode sim = null;
        for (JsonNode type : JSON.readTree(signingIn.body())) {
            if ("gba-aka".equals(type.path("type").asText())) {
                sim = type;
            }
        }
        assertTrue(sim != null, signingIn.body());
        assertEquals(1, sim.path("userCredentialMetadatas").size(), sim.toString());
        assertEquals("SIM (ISIM) subscription", sim.path("userCredentialMetadatas").get(0).path("credential")
                .path("userLabel").asText(), sim.toString());
        assertFalse(signingIn.body().contains(K) || signingIn.body().contains(OPC), "no key in the listing");
    }

    /** Opens an admin console page, signing the administrator in on the way. */
    private static void signIn(Browser browser, String page) {
        browser.open(page);
        browser.type(By.id("username"), "admin");
        browser.type(By.id("password"), "admin");
        browser.click(By.id("kc-login"));
        browser.awaitUrl(keycloak.url() + "/admin/master/console/");
        browser.open(page);
    }

    /**
     * The bundle's admin console pages in Chromium: each shows its fields by their labels (the slaves page's from
     * message keys, translated by the console, never the raw key); a screenshot of each.
     */
    @Test
    void theBundlesAdminPagesShowTheirFields() throws Exception {
        String console = keycloak.url() + "/admin/master/console/#/operator/page-section/";
        try (Browser browser = Browser.start("en", null)) {
            signIn(browser, console + "liberty-idff-slaves/add");
            browser.await(By.xpath("//label[contains(., 'Signing certificate')]"));
            browser.await(By.xpath("//label[contains(., 'Or: slave metadata URL')]"));
            browser.screenshot("admin-slaves-add");
            assertFalse(browser.find(By.tagName("body")).getText().contains("ucdSlave"),
                    "no raw message key in the page's text");
            browser.open(console + "gba-sim-import/add");
            browser.await(By.xpath("//label[contains(., 'Card-key file')]"));
            browser.await(By.xpath("//label[contains(., 'Transport keys')]"));
            browser.screenshot("admin-sim-import-add");
            browser.open(console + "gba-bsf-settings/add");
            browser.await(By.xpath("//label[contains(., 'Challenge lifetime (s)')]"));
            browser.screenshot("admin-bsf-settings-add");
        }
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

    /**
     * The tab as the console saves it (the one component of the realm's tab, then updated): a card given, then
     * suspended (the BSF serves the SIM as no subscription and the operator's event says why), resumed with its SQN
     * going on, and removed. The Credentials tab's data shows the SQN and the suspension.
     */
    @Test
    void anOperatorSuspendsResumesAndRemovesASim() throws Exception {
        String userId = newUser();
        String impi = "erin-" + userId.substring(0, 8) + "@ims.operator.example";
        assertSaved(saveTab(userId, "Give this card", impi, K, OPC));
        device(impi).bootstrap();
        JsonNode data = JSON.readTree(simCredentials(userId).get(0).path("credentialData").asText());
        long first = Long.parseLong(data.path("sqn").asText(), 16);
        assertTrue(first > 0, "the SQN the bootstrap used, shown: " + data);
        assertFalse(data.has("suspended"));

        assertSaved(saveTab(userId, "Suspend the SIM", null, null, null));
        data = JSON.readTree(simCredentials(userId).get(0).path("credentialData").asText());
        assertTrue(data.path("suspended").asBoolean());
        assertThrows(GbaClientException.class, () -> device(impi).bootstrap(),
                "a suspended SIM does not bootstrap");
        assertTrue(keycloak.events("operator", "LOGIN_ERROR").stream().anyMatch(e -> impi.equals(e.path("details")
                .path("username").asText()) && "gba_sim_suspended".equals(e.path("error").asText())),
                "the operator sees why");
        // The same card again with another AMF (a corrected import row, say) keeps the SIM suspended.
        assertSaved(saveTab(userId, "Give this card", impi, K, OPC, "8001"));
        data = JSON.readTree(simCredentials(userId).get(0).path("credentialData").asText());
        assertEquals("8001", data.path("amf").asText());
        assertTrue(data.path("suspended").asBoolean(), "still suspended: " + data);

        assertSaved(saveTab(userId, "Resume the SIM", null, null, null));
        device(impi).bootstrap();
        data = JSON.readTree(simCredentials(userId).get(0).path("credentialData").asText());
        assertFalse(data.has("suspended"));
        assertTrue(Long.parseLong(data.path("sqn").asText(), 16) > first, "the SQN went on: " + data);

        assertSaved(saveTab(userId, "Remove the SIM", null, null, null));
        assertEquals(List.of(), simCredentials(userId));
        HttpResponse<String> none = saveTab(userId, "Suspend the SIM", null, null, null);
        assertEquals(400, none.statusCode(), none.body());
        assertTrue(none.body().contains("this user has no SIM subscription"), none.body());
    }

    /** A device with a new ISIM of the card (SQN_MS 0: it takes any SQN the network sends). */
    private static Device device(String impi) throws Exception {
        return new Device(new SoftwareIsim(impi, Hex.decode(K), Hex.decode(OPC), new Sqn(0)), DeviceState.load(null),
                URI.create(keycloak.realmUrl("operator") + "/gba-bsf"), UaSecurityProtocolId.HTTP_DIGEST,
                Duration.ofSeconds(10));
    }

    /** Saves the tab's form as the admin console does: the realm's one component of the tab, created or updated. */
    private static HttpResponse<String> saveTab(String userId, String action, String impi, String k, String opc)
            throws Exception {
        return saveTab(userId, action, impi, k, opc, null);
    }

    private static HttpResponse<String> saveTab(String userId, String action, String impi, String k, String opc,
                                                String amf) throws Exception {
        String type = "org.keycloak.services.ui.extend.UiTabProvider";
        ObjectNode component = (ObjectNode) JSON.readTree("{\"name\":\"gba-sim\",\"providerId\":\"gba-sim\","
                + "\"providerType\":\"" + type + "\"}");
        component.put("parentId", keycloak.admin("operator").get("id").asText());
        ObjectNode config = component.putObject("config");
        config.putArray("id").add(userId);
        config.putArray("tab").add("sim");
        config.putArray("action").add(action);
        if (impi != null) {
            config.putArray("impi").add(impi);
            config.putArray("k").add(k);
            config.putArray("opc").add(opc);
        }
        if (amf != null) {
            config.putArray("amf").add(amf);
        }
        for (JsonNode c : keycloak.admin("operator/components?type=" + type)) {
            if ("gba-sim".equals(c.path("providerId").asText())) {
                component.put("id", c.path("id").asText());
                return keycloak.adminSend("PUT", "operator/components/" + c.path("id").asText(), component);
            }
        }
        return keycloak.adminSend("POST", "operator/components", component);
    }

    private static void assertSaved(HttpResponse<String> saved) {
        assertTrue(saved.statusCode() == 201 || saved.statusCode() == 204, saved.statusCode() + " " + saved.body());
    }
}
