package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ucdgba.gba.client.Bootstrap;
import org.ucdgba.gba.client.DeviceState;
import org.ucdgba.gba.client.UaClient;
import org.ucdgba.gba.core.kdf.NafId;
import org.ucdgba.gba.core.kdf.UaSecurityProtocolId;
import org.ucdgba.gba.core.bootstrap.BTid;

/**
 * Every refusal of the NAF: a clear page and status for the device, an event for the operator, and never a
 * logged-in user (no redirect to the relying party with a code).
 */
class GbaRefusalsIT {

    static final String GBA_UA = "test-device 3gpp-gba";
    static final NafId NAF = new NafId("localhost", UaSecurityProtocolId.HTTP_DIGEST);
    static KeycloakServer keycloak;

    @BeforeAll
    static void start() throws Exception {
        keycloak = OperatorKeycloak.get();
    }

    private static URI authUrl() {
        return OidcSite.of(keycloak, "demo-rp", GbaLoginIT.RP_CALLBACK).request().toURI();
    }

    private static Bootstrap bootstrap() throws Exception {
        return TestSubscriber.device(keycloak, DeviceState.load(null), TestSubscriber.K).bootstrap();
    }

    private static boolean loginErrorLogged(String error) throws Exception {
        return keycloak.events("operator", "LOGIN_ERROR").stream()
                .anyMatch(e -> error.equals(e.path("error").asText()));
    }

    private static void assertNotLoggedIn(HttpResponse<String> response) {
        assertFalse(response.headers().firstValue("Location").orElse("").contains("code="),
                "no authorization code may be issued");
    }

    @Test
    void tamperedDigestIsRefusedWith403() throws Exception {
        Bootstrap b = bootstrap();
        RawUserAgent device = new RawUserAgent(GBA_UA);
        URI uri = authUrl();
        HttpResponse<String> challenge = device.get(uri, null);
        assertEquals(401, challenge.statusCode());
        String answer = RawUserAgent.answer(challenge, uri, b.btid().value(), b.ksNaf(NAF));
        Matcher m = Pattern.compile("response=\"([0-9a-f])").matcher(answer);
        assertTrue(m.find());
        String tampered = answer.substring(0, m.start(1)) + (m.group(1).equals("0") ? "1" : "0")
                + answer.substring(m.start(1) + 1);
        HttpResponse<String> refused = device.get(uri, tampered);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("Your device could not be signed in with its SIM card."), refused.body());
        assertNotLoggedIn(refused);
        assertTrue(loginErrorLogged("invalid_user_credentials"));
    }

    @Test
    void replayedAnswerDoesNotLogIn() throws Exception {
        Bootstrap b = bootstrap();
        RawUserAgent device = new RawUserAgent(GBA_UA);
        URI uri = authUrl();
        String answer = RawUserAgent.answer(device.get(uri, null), uri, b.btid().value(), b.ksNaf(NAF));
        HttpResponse<String> ok = device.get(uri, answer);
        assertEquals(302, ok.statusCode());
        assertTrue(ok.headers().firstValue("Location").orElseThrow().startsWith(GbaLoginIT.RP_CALLBACK));
        assertTrue(ok.headers().firstValue("Authentication-Info").orElseThrow().contains("rspauth="));

        // An eavesdropper replays the captured request: the nonce was single-use.
        HttpResponse<String> replay = new RawUserAgent(GBA_UA).get(uri, answer);
        assertEquals(401, replay.statusCode());
        assertNotLoggedIn(replay);
        assertTrue(replay.body().contains("The SIM sign-in request expired"), replay.body());
        assertTrue(loginErrorLogged("gba_invalid_nonce"));
    }

    @Test
    void nonceIsBoundToItsAuthenticationSession() throws Exception {
        Bootstrap b = bootstrap();
        URI uri = authUrl();
        HttpResponse<String> challenge = new RawUserAgent(GBA_UA).get(uri, null);
        // The answer arrives from another browser session (other cookies) than the one that was challenged.
        HttpResponse<String> elsewhere = new RawUserAgent(GBA_UA).get(uri,
                RawUserAgent.answer(challenge, uri, b.btid().value(), b.ksNaf(NAF)));
        assertEquals(401, elsewhere.statusCode());
        assertNotLoggedIn(elsewhere);
    }

    @Test
    void unknownBtidAsksTheDeviceToBootstrapAgain() throws Exception {
        RawUserAgent device = new RawUserAgent(GBA_UA);
        URI uri = authUrl();
        String neverIssued = BTid.of(new byte[16], "localhost").value();
        HttpResponse<String> refused = device.get(uri,
                RawUserAgent.answer(device.get(uri, null), uri, neverIssued, new byte[32]));
        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow().contains("3GPP-bootstrapping@"));
        assertTrue(refused.body().contains("must renew its SIM keys"), refused.body());
        assertNotLoggedIn(refused);
        assertTrue(loginErrorLogged("gba_unknown_btid"));
    }

    @Test
    void expiredBtidIsRefusedAndTheDeviceRenewsIt() throws Exception {
        ObjectNode realm = (ObjectNode) keycloak.admin("operator");
        ((ObjectNode) realm.get("attributes")).put("gba.bsf.keyLifetime", "2");
        keycloak.adminPut("operator", realm);
        try {
            DeviceState state = DeviceState.load(null);
            Bootstrap expired = TestSubscriber.device(keycloak, state, TestSubscriber.K).bootstrap();
            Thread.sleep(3000);
            // A device that still presents the expired B-TID is sent back to bootstrapping (TS 24.109 5.2.5).
            RawUserAgent raw = new RawUserAgent(GBA_UA);
            URI uri = authUrl();
            HttpResponse<String> refused = raw.get(uri,
                    RawUserAgent.answer(raw.get(uri, null), uri, expired.btid().value(), expired.ksNaf(NAF)));
            assertEquals(401, refused.statusCode());
            assertTrue(refused.body().contains("must renew its SIM keys"), refused.body());
            assertNotLoggedIn(refused);
            // Our device knows the lifetime and bootstraps again before it answers.
            UaClient.Result result = TestSubscriber.device(keycloak, state, TestSubscriber.K).login(authUrl(),
                    u -> u.toString().startsWith(GbaLoginIT.RP_CALLBACK));
            assertTrue(result.finalRedirect().getQuery().contains("code="));
            assertFalse(expired.btid().equals(state.bootstrap(TestSubscriber.IMPI).orElseThrow().btid()));
        } finally {
            ((ObjectNode) realm.get("attributes")).put("gba.bsf.keyLifetime", "3600");
            keycloak.adminPut("operator", realm);
        }
    }

    @Test
    void deviceWithoutGbaGoesOnToThePasswordForm() throws Exception {
        HttpResponse<String> page = new RawUserAgent("Mozilla/5.0 (X11; Linux x86_64)").get(authUrl(), null);
        assertEquals(200, page.statusCode());
        assertFalse(page.headers().firstValue("WWW-Authenticate").isPresent());
        assertTrue(page.body().contains("id=\"kc-form-login\""), "the password form is shown");
    }

    @Test
    void aMisconfiguredNafSaysWhyItSkipsGba() throws Exception {
        // Keycloak 26 cannot refuse an authenticator's settings on save; the NAF checks them at each login and
        // says in an event which one keeps it from working, then lets the flow go on (here to the password form).
        keycloak.withAuthenticatorSetting("operator", "gba browser", "gba.zn.timeoutMs", "soon", () -> {
            HttpResponse<String> page = new RawUserAgent(GBA_UA).get(authUrl(), null);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("id=\"kc-form-login\""), "the password form: " + page.body());
            assertTrue(keycloak.events("operator", "LOGIN_ERROR").stream().anyMatch(e ->
                    "gba_not_configured".equals(e.path("error").asText()) && e.path("details").path("reason")
                            .asText().equals("Zn timeout (ms) must be a number of milliseconds from 100 to 60000")));
        });
    }

    @Test
    void gbaDeviceThatDoesNotAnswerCanSignInAnotherWay() throws Exception {
        RawUserAgent browser = new RawUserAgent("Browser-claiming 3gpp-gba");
        HttpResponse<String> challenge = browser.get(authUrl(), null);
        assertEquals(401, challenge.statusCode());
        // One way on: Keycloak's "Try Another Way", named by the explanation; no second button of ours.
        assertTrue(challenge.body().contains("choose “Try Another Way” below"), challenge.body());
        assertFalse(challenge.body().contains("gba-another-way"), challenge.body());
        Matcher action = Pattern.compile("id=\"kc-select-try-another-way-form\" action=\"([^\"]+)\"")
                .matcher(challenge.body());
        assertTrue(action.find(), challenge.body());
        HttpResponse<String> choices = browser.postForm(URI.create(action.group(1).replace("&amp;", "&")),
                "tryAnotherWay=on");
        assertEquals(200, choices.statusCode(), choices.body());
        Matcher choice = Pattern.compile("id=\"kc-select-credential-form\"[^>]*action=\"([^\"]+)\"")
                .matcher(choices.body());
        assertTrue(choice.find(), choices.body());
        // Keycloak's list: one form per sign-in method, then its name; the password's is the one to take.
        Matcher password = Pattern.compile("name=\"authenticationExecution\" value=\"([^\"]+)\"(?:(?!</li>)"
                + "[\\s\\S])*Username and password").matcher(choices.body());
        assertTrue(password.find(), choices.body());
        HttpResponse<String> next = browser.postForm(URI.create(choice.group(1).replace("&amp;", "&")),
                "authenticationExecution=" + password.group(1));
        assertEquals(200, next.statusCode(), next.body());
        assertTrue(next.body().contains("id=\"kc-form-login\""), "the password form follows: " + next.body());
    }

    @Test
    void theGbaPageSpeaksTheSubscribersLanguage() throws Exception {
        // The demo realm offers English, German and French; the site asks for the subscriber's (OIDC ui_locales).
        for (String[] language : new String[][] {{"de", "Mit Ihrer SIM-Karte anmelden", "Einen anderen Weg versuchen"},
                {"fr", "Se connecter avec votre carte SIM", "Essayer une autre méthode"}}) {
            HttpResponse<String> challenge = new RawUserAgent("Browser-claiming 3gpp-gba").get(URI.create(authUrl()
                    + "&ui_locales=" + language[0]), null);
            assertEquals(401, challenge.statusCode());
            assertTrue(challenge.body().contains("lang=\"" + language[0] + "\""), challenge.body());
            assertTrue(challenge.body().contains(language[1]), challenge.body());
            assertTrue(challenge.body().contains(language[2]), challenge.body());
        }
    }
}
