package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ucdgba.gba.client.DeviceState;
import org.ucdgba.gba.client.GbaClientException;
import org.ucdgba.gba.client.UaClient;
import org.ucdgba.gba.core.aka.Sqn;

/**
 * Use case 2 end to end in the real Keycloak: the operator realm hosts the BSF (Ub, Zn) and the NAF (the GBA
 * authenticator); a third-party site logs the subscriber in over OIDC with the Nimbus SDK, no password typed.
 */
class GbaLoginIT {

    static final String RP_CALLBACK = "https://rp.example/callback";

    static KeycloakServer keycloak;

    @BeforeAll
    static void start() throws Exception {
        keycloak = OperatorKeycloak.get();
    }

    @Test
    void subscriberLogsInToAnOidcSiteWithNoPasswordAndASecondLoginReusesKsNaf() throws Exception {
        DeviceState state = DeviceState.load(null);
        int znBefore = keycloak.events("operator", "CLIENT_LOGIN").size();

        OidcSite first = OidcSite.of(keycloak, "demo-rp", RP_CALLBACK);
        UaClient.Result result = TestSubscriber.device(keycloak, state, TestSubscriber.K).login(first.request().toURI(),
                u -> u.toString().startsWith(RP_CALLBACK));
        assertTrue(result.nafAuthenticated(), "the NAF's rspauth was verified");
        JWTClaimsSet claims = first.redeem(result.finalRedirect());
        JsonNode alice = keycloak.admin("operator/users?username=alice&exact=true").get(0);
        assertEquals(alice.get("id").asText(), claims.getSubject());
        assertEquals("urn:3gpp:gba:ac:2006-10:GBAMobileMobile", claims.getStringClaim("acr"));
        assertEquals(List.of("sip:alice@operator.example", "tel:+15550100"), claims.getStringListClaim("impu"));
        assertEquals(znBefore + 1, keycloak.events("operator", "CLIENT_LOGIN").size(), "one Zn fetch");

        // A second login, new browser session (no SSO cookie), same bootstrap: Ks_NAF comes from the cache.
        OidcSite second = OidcSite.of(keycloak, "demo-rp", RP_CALLBACK);
        UaClient.Result again = TestSubscriber.device(keycloak, state, TestSubscriber.K).login(second.request().toURI(),
                u -> u.toString().startsWith(RP_CALLBACK));
        assertEquals(1, again.gbaAnswers());
        assertEquals(alice.get("id").asText(), second.redeem(again.finalRedirect()).getSubject());
        assertEquals(znBefore + 1, keycloak.events("operator", "CLIENT_LOGIN").size(), "no second Zn fetch");
        JsonNode lastLogin = keycloak.events("operator", "LOGIN").stream()
                .filter(e -> "demo-rp".equals(e.path("clientId").asText())).findFirst().orElseThrow();
        assertEquals("cache", lastLogin.path("details").path("gba_key_source").asText());
    }

    @Test
    void wrongKIsRefusedAtBootstrapAndNoOneLogsIn() throws Exception {
        byte[] wrongK = TestSubscriber.K.clone();
        wrongK[0] ^= 1;
        OidcSite login = OidcSite.of(keycloak, "demo-rp", RP_CALLBACK);
        GbaClientException e = assertThrows(GbaClientException.class, () -> TestSubscriber.device(keycloak, DeviceState.load(null), wrongK)
                .login(login.request().toURI(), u -> u.toString().startsWith(RP_CALLBACK)));
        assertTrue(e.getMessage().contains("AUTN does not verify"), e.getMessage());
    }

    @Test
    void deviceResynchronisesWhenItsSqnIsAhead() throws Exception {
        // The ISIM has accepted far more than the BSF has issued (e.g. after an HSS restore): Ub resynchronises.
        DeviceState state = DeviceState.load(null);
        state.update(Sqn.of(5000, 0), null);
        assertNotNull(TestSubscriber.device(keycloak, state, TestSubscriber.K).bootstrap().btid());
        assertTrue(state.sqn().seq() > 5000, "SQN counted on from SQN_MS");
    }

    @Test
    void silentBsfGivesACleanPageAfterTheTimeout() throws Exception {
        DeviceState state = DeviceState.load(null);
        TestSubscriber.device(keycloak, state, TestSubscriber.K).bootstrap();
        OidcSite login = OidcSite.of(keycloak, "naf-slow-bsf", "rp-slow-bsf", "https://slow.example/callback");
        GbaClientException e = assertThrows(GbaClientException.class, () -> TestSubscriber.device(keycloak, state, TestSubscriber.K)
                .login(login.request().toURI(), u -> u.toString().startsWith("https://slow.example/")));
        assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
        assertTrue(e.getMessage().contains("SIM sign-in is not available right now"), e.getMessage());
        // Bounded without a timing assertion: the device gives up after 10 s, so the 503 page came before that.
        assertTrue(keycloak.events("naf-slow-bsf", "LOGIN_ERROR").stream()
                .anyMatch(ev -> "gba_bsf_unavailable".equals(ev.path("error").asText())));
    }

    /** A BSF that answers Zn with something that is not Zn: a clean page for the person, an event to act on. */
    @Test
    void bsfAnsweringGarbageGivesACleanPage() throws Exception {
        DeviceState state = DeviceState.load(null);
        TestSubscriber.device(keycloak, state, TestSubscriber.K).bootstrap();
        keycloak.withAuthenticatorSetting("naf-slow-bsf", "gba browser slow bsf", "gba.zn.url",
                OperatorKeycloak.garbageBsfUrl(), () -> {
                    OidcSite login = OidcSite.of(keycloak, "naf-slow-bsf", "rp-slow-bsf",
                            "https://slow.example/callback");
                    GbaClientException e = assertThrows(GbaClientException.class, () -> TestSubscriber.device(
                            keycloak, state, TestSubscriber.K).login(login.request().toURI(),
                            u -> u.toString().startsWith("https://slow.example/")));
                    assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
                    assertTrue(e.getMessage().contains("SIM sign-in is not available right now"), e.getMessage());
                    assertTrue(keycloak.events("naf-slow-bsf", "LOGIN_ERROR").stream()
                            .anyMatch(ev -> "gba_zn_refused".equals(ev.path("error").asText())));
                });
    }
}
