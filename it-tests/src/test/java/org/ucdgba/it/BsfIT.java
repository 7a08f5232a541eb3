package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ucdgba.gba.client.Bootstrap;
import org.ucdgba.gba.client.DeviceState;
import org.ucdgba.gba.core.bootstrap.BTid;
import org.ucdgba.gba.core.kdf.NafId;
import org.ucdgba.gba.core.kdf.UaSecurityProtocolId;
import org.ucdgba.gba.core.zn.ZnException;
import org.ucdgba.gba.core.zn.ZnRequest;
import org.ucdgba.gba.core.zn.ZnSoapClient;

/** The BSF's Ub and Zn endpoints at the HTTP level, against what a hostile or careless peer sends. */
class BsfIT {

    static final NafId NAF = new NafId("localhost", UaSecurityProtocolId.HTTP_DIGEST);
    static KeycloakServer keycloak;

    @BeforeAll
    static void start() throws Exception {
        keycloak = OperatorKeycloak.get();
    }

    private static URI ub() {
        return URI.create(keycloak.realmUrl("operator") + "/gba-bsf");
    }

    private static ZnSoapClient zn(String clientId, String secret) {
        return new ZnSoapClient(URI.create(keycloak.realmUrl("operator") + "/gba-bsf/zn"), clientId, secret,
                Duration.ofSeconds(10));
    }

    private static String firstRequest(String impi) {
        return "Digest username=\"" + impi + "\", realm=\"localhost\", nonce=\"\", uri=\"/realms/operator/gba-bsf\", "
                + "response=\"\"";
    }

    @Test
    void unknownImpiIsNotToldApart() throws Exception {
        HttpResponse<String> unknown = new RawUserAgent("d").get(ub(), firstRequest("nobody@ims.operator.example"));
        assertEquals(401, unknown.statusCode(), "the same status as for a subscriber");
        assertTrue(keycloak.events("operator", "LOGIN_ERROR").stream()
                .anyMatch(e -> "gba_unknown_subscriber".equals(e.path("error").asText())));
    }

    @Test
    void peerChosenStoreKeysCannotBreakTheBsf() throws Exception {
        // Keycloak's single-use store reserves keys ending in ".revoked"; a peer's text never forms a key.
        HttpResponse<String> ub = new RawUserAgent("d").get(ub(), "Digest username=\"" + TestSubscriber.IMPI
                + "\", realm=\"localhost\", nonce=\"abc.revoked\", uri=\"/realms/operator/gba-bsf\", qop=auth-int, "
                + "nc=00000001, cnonce=\"c\", response=\"0\", algorithm=AKAv1-MD5");
        assertEquals(401, ub.statusCode());
        assertTrue(ub.headers().firstValue("WWW-Authenticate").orElseThrow().contains("stale=true"));
        ZnException e = assertThrows(ZnException.class, () -> zn("naf-zn", "zn-secret").requestBootstrappingInfo(
                new ZnRequest(new BTid("AAAAAAAAAAAAAAAAAAAAAA==@bsf.revoked"), NAF, false)));
        assertEquals(ZnException.Reason.UNKNOWN_BTID, e.reason());
    }

    @Test
    void malformedUbRequestsGetA400() throws Exception {
        RawUserAgent device = new RawUserAgent("d");
        assertEquals(400, device.get(ub(), null).statusCode());
        assertEquals(400, device.get(ub(), "Basic YTpi").statusCode());
        assertEquals(400, device.get(ub(), "Digest realm=\"localhost\"").statusCode());
    }

    @Test
    void znRefusesWrongSecretsAndForeignNafIds() throws Exception {
        Bootstrap b = TestSubscriber.device(keycloak, DeviceState.load(null), TestSubscriber.K).bootstrap();
        ZnRequest request = new ZnRequest(b.btid(), NAF, false);
        assertEquals(ZnException.Reason.NAF_NOT_AUTHORIZED, assertThrows(ZnException.class,
                () -> zn("naf-zn", "wrong").requestBootstrappingInfo(request)).reason());
        assertEquals(ZnException.Reason.NAF_NOT_AUTHORIZED, assertThrows(ZnException.class,
                () -> zn("demo-rp", "demo-rp-secret").requestBootstrappingInfo(request)).reason(),
                "a client that is not a NAF");
        assertEquals(ZnException.Reason.NAF_NOT_AUTHORIZED, assertThrows(ZnException.class,
                () -> zn("naf-zn", "zn-secret").requestBootstrappingInfo(new ZnRequest(b.btid(),
                        new NafId("other.example", UaSecurityProtocolId.HTTP_DIGEST), false))).reason(),
                "a NAF may only obtain keys for its own FQDN");
        assertEquals(32, zn("naf-zn", "zn-secret").requestBootstrappingInfo(request).meKeyMaterial().length);
    }

    /** TS 33.220 annex G.1's rule, applied to GBA_ME: a new bootstrap replaces the device's earlier one. */
    @Test
    void aNewBootstrapReplacesTheEarlierOne() throws Exception {
        Bootstrap earlier = TestSubscriber.device(keycloak, DeviceState.load(null), TestSubscriber.K).bootstrap();
        assertEquals(32, zn("naf-zn", "zn-secret").requestBootstrappingInfo(new ZnRequest(earlier.btid(), NAF,
                false)).meKeyMaterial().length);
        Bootstrap later = TestSubscriber.device(keycloak, DeviceState.load(null), TestSubscriber.K).bootstrap();
        assertNotEquals(earlier.btid(), later.btid());
        ZnException e = assertThrows(ZnException.class, () -> zn("naf-zn", "zn-secret").requestBootstrappingInfo(
                new ZnRequest(earlier.btid(), NAF, false)));
        assertEquals(ZnException.Reason.UNKNOWN_BTID, e.reason());
        assertEquals(32, zn("naf-zn", "zn-secret").requestBootstrappingInfo(new ZnRequest(later.btid(), NAF,
                false)).meKeyMaterial().length);
    }

    @Test
    void disabledSubscriberGetsNoMoreKeys() throws Exception {
        Bootstrap b = TestSubscriber.device(keycloak, DeviceState.load(null), TestSubscriber.K).bootstrap();
        String alice = keycloak.admin("operator/users?username=alice&exact=true").get(0).get("id").asText();
        ObjectNode user = (ObjectNode) keycloak.admin("operator/users/" + alice);
        user.put("enabled", false);
        keycloak.adminPut("operator/users/" + alice, user);
        try {
            ZnException e = assertThrows(ZnException.class, () -> zn("naf-zn", "zn-secret")
                    .requestBootstrappingInfo(new ZnRequest(b.btid(), NAF, false)));
            assertEquals(ZnException.Reason.UNKNOWN_BTID, e.reason());
            assertFalse(e.getMessage().isEmpty());
        } finally {
            user.put("enabled", true);
            keycloak.adminPut("operator/users/" + alice, user);
        }
    }

    /**
     * The BSF settings page of the admin console, as the console saves it: a setting that cannot be used is refused
     * by its label with nothing written; usable ones become the realm's settings, which the BSF then uses (its
     * Digest realm), a second entry is refused, and deleting the entry brings the defaults back.
     */
    @Test
    void theSettingsPageRefusesAnUnusableSettingAndTheBsfUsesTheSavedOnes() throws Exception {
        String realm = "bsf-settings";
        keycloak.adminPost("", new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"realm\":\"" + realm
                + "\",\"enabled\":true}"));
        HttpResponse<String> soon = keycloak.adminSend("POST", realm + "/components", settings(realm, "600", "soon"));
        assertEquals(400, soon.statusCode(), soon.body());
        assertTrue(soon.body().contains("Challenge lifetime (s) must be a whole number from 10 to 3600"),
                soon.body());
        ObjectNode badAmf = settings(realm, "600", "60");
        ((ObjectNode) badAmf.get("config")).putArray("gba.bsf.decoyAmf").add("80");
        HttpResponse<String> amf = keycloak.adminSend("POST", realm + "/components", badAmf);
        assertEquals(400, amf.statusCode(), amf.body());
        assertTrue(amf.body().contains("Decoy AMF must be 4 hex digits"), amf.body());
        assertTrue(keycloak.admin(realm).path("attributes").path("gba.bsf.domain").isMissingNode(), "nothing written");

        ObjectNode good = settings(realm, "600", "60");
        ((ObjectNode) good.get("config")).putArray("gba.bsf.challengeFloorMillis").add("00");
        HttpResponse<String> saved = keycloak.adminSend("POST", realm + "/components", good);
        assertEquals(201, saved.statusCode(), saved.body());
        assertEquals("0", keycloak.admin(realm).path("attributes").path("gba.bsf.challengeFloorMillis").asText(),
                "written as the BSF reads it: 0 turns the floor off");
        assertEquals("bsf.settings.example", keycloak.admin(realm).path("attributes").path("gba.bsf.domain").asText());
        assertEquals("600", keycloak.admin(realm).path("attributes").path("gba.bsf.keyLifetime").asText());
        HttpResponse<String> challenge = new RawUserAgent("d").get(URI.create(keycloak.realmUrl(realm) + "/gba-bsf"),
                "Digest username=\"nobody@ims.operator.example\", realm=\"bsf.settings.example\", nonce=\"\", "
                        + "uri=\"/realms/" + realm + "/gba-bsf\", response=\"\"");
        assertEquals(401, challenge.statusCode());
        assertTrue(challenge.headers().firstValue("WWW-Authenticate").orElse("")
                .contains("realm=\"bsf.settings.example\""), challenge.headers().toString());

        HttpResponse<String> second = keycloak.adminSend("POST", realm + "/components", settings(realm, "700", "60"));
        assertEquals(400, second.statusCode(), second.body());
        assertTrue(second.body().contains("this realm has its BSF settings already"), second.body());

        String id = saved.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        assertEquals(204, keycloak.adminSend("DELETE", realm + "/components/" + id, null).statusCode());
        assertTrue(keycloak.admin(realm).path("attributes").path("gba.bsf.domain").isMissingNode(), "defaults again");
    }

    private static ObjectNode settings(String realm, String keyLifetime, String challengeLifetime) throws Exception {
        ObjectNode entry = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"name\":\"BSF\",\"providerId\":\"gba-bsf-settings\","
                        + "\"providerType\":\"org.keycloak.services.ui.extend.UiPageProvider\"}");
        entry.put("parentId", keycloak.admin(realm).get("id").asText());
        ObjectNode config = entry.putObject("config");
        config.putArray("gba.bsf.domain").add("bsf.settings.example");
        config.putArray("gba.bsf.keyLifetime").add(keyLifetime);
        config.putArray("gba.bsf.challengeLifetime").add(challengeLifetime);
        return entry;
    }
}
