package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ucdgba.it.Federation.api;
import static org.ucdgba.it.Federation.confirm;
import static org.ucdgba.it.Federation.consentPage;
import static org.ucdgba.it.Federation.credentialsAtMaster;
import static org.ucdgba.it.Federation.loginAtMaster;
import static org.ucdgba.it.Federation.loginAction;
import static org.ucdgba.it.Federation.master;
import static org.ucdgba.it.Federation.masterFederations;
import static org.ucdgba.it.Federation.masterUser;
import static org.ucdgba.it.Federation.slave;
import static org.ucdgba.it.Federation.slaveApi;
import static org.ucdgba.it.Federation.slaveLinks;
import static org.ucdgba.it.Federation.slaveToken;
import static org.ucdgba.it.Federation.slaveUser;
import static org.ucdgba.it.Federation.startFederation;
import static org.ucdgba.it.Federation.withinMaster;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ucdgba.gba.client.Device;
import org.ucdgba.gba.client.DeviceState;
import org.ucdgba.gba.client.SoftwareIsim;
import org.ucdgba.gba.client.UaClient;
import org.ucdgba.gba.core.Hex;
import org.ucdgba.gba.core.aka.Sqn;
import org.ucdgba.gba.core.kdf.UaSecurityProtocolId;
import org.ucdgba.it.Federation.Person;

/**
 * The seed's federation between two Keycloak servers, driven as a UCD client and its user agent would: log in at
 * the slave, list masters, choose one and name the master account, follow the signed request to the master,
 * authenticate there (password, one-time code or GBA), confirm, come back linked; and every way that does not
 * link: the wrong password, another account, a refusal to confirm, a cancelled login, a response presented twice
 * or for another request.
 */
@ExtendWith(Federation.class)
class FederationLinkIT {

    @Test
    void theSeedFlowLinksBothSidesAndSurvivesARestartAndAReplayIsRefused() throws Exception {
        Person sam = slaveUser("sam");
        Person bob = masterUser("bob");
        String token = slaveToken(sam);
        JsonNode masters = api("GET", slaveApi() + "/masters", token, null);
        assertEquals(Federation.MASTER, masters.get("body").get(0).get("alias").asText());

        URI toMaster = startFederation(token, bob.name());
        RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
        HttpResponse<String> back = loginAtMaster(browser, toMaster, bob.name(), bob.password());
        assertEquals(303, back.statusCode(), back.body());
        URI returnUrl = URI.create(back.headers().firstValue("Location").orElseThrow());
        assertTrue(returnUrl.toString().startsWith(slaveApi() + "/idff/rni-return?"), returnUrl.toString());
        // The response presented for another request of this slave (still waiting): refused, nothing linked.
        JsonNode other = api("POST", slaveApi() + "/federations", token,
                "{\"master\":\"master-one\",\"masterAccount\":\"carol\"}");
        Matcher answered = Pattern.compile("InResponseTo=([^&]+)").matcher(returnUrl.getRawQuery());
        assertTrue(answered.find());
        URI forOther = URI.create(returnUrl.toString().replace("InResponseTo=" + answered.group(1), "InResponseTo="
                + URLEncoder.encode(other.get("body").get("requestId").asText(), StandardCharsets.UTF_8)));
        assertEquals(400, browser.get(forOther, null).statusCode());
        assertEquals(0, slaveLinks(sam).size());

        HttpResponse<String> result = browser.get(returnUrl, null);
        assertEquals(200, result.statusCode(), result.body());
        assertTrue(result.body().contains("data-result=\"linked\""), result.body());
        assertEquals(bob.name(), slaveLinks(sam).get(0).get("masterAccount").asText());
        assertEquals(sam.name(), masterFederations(bob).get(0).get("slaveNameId").asText());

        // The same response again: its request is no longer pending, nothing changes.
        assertEquals(400, browser.get(returnUrl, null).statusCode());

        master.restart();
        slave.restart();
        assertEquals(bob.name(), slaveLinks(sam).get(0).get("masterAccount").asText());
        assertEquals(sam.name(), masterFederations(bob).get(0).get("slaveNameId").asText());
    }

    @Test
    void wrongPasswordAtTheMasterLeavesNoFederation() throws Exception {
        Person sam = slaveUser("sam");
        Person bob = masterUser("bob");
        URI toMaster = startFederation(slaveToken(sam), bob.name());
        HttpResponse<String> refused = loginAtMaster(new RawUserAgent("Mozilla/5.0"), toMaster, bob.name(), "wrong");
        assertEquals(200, refused.statusCode(), "the login form again, with an error");
        assertTrue(refused.body().contains("Invalid username or password"), refused.body());
        assertEquals(0, slaveLinks(sam).size());
        assertEquals(0, masterFederations(bob).size());
    }

    @Test
    void anotherMasterAccountThanTheNamedOneIsRefused() throws Exception {
        Person sam = slaveUser("sam");
        Person bob = masterUser("bob");
        Person carol = masterUser("carol");
        URI toMaster = startFederation(slaveToken(sam), bob.name());
        RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
        HttpResponse<String> back = loginAtMaster(browser, toMaster, carol.name(), carol.password());
        assertEquals(303, back.statusCode(), back.body());
        HttpResponse<String> result = browser.get(URI.create(back.headers().firstValue("Location").orElseThrow()),
                null);
        assertEquals(403, result.statusCode());
        assertTrue(result.body().contains("data-result=\"refused\""), result.body());
        assertEquals(0, slaveLinks(sam).size());
        assertEquals(0, masterFederations(carol).size());
    }

    @Test
    void theMasterShowsTheSlaveAccountAndDecliningLeavesNoFederation() throws Exception {
        Person sam = slaveUser("sam");
        Person bob = masterUser("bob");
        URI toMaster = startFederation(slaveToken(sam), bob.name());
        RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
        HttpResponse<String> question = credentialsAtMaster(browser, toMaster, bob.name(), bob.password());
        assertEquals(200, question.statusCode(), question.body());
        assertTrue(question.body().contains("Link your account " + bob.name() + " here with the account "
                + sam.name() + " at"), question.body());
        HttpResponse<String> declined = confirm(browser, question, "decline=No");
        assertEquals(303, declined.statusCode(), declined.body());
        HttpResponse<String> result = browser.get(URI.create(declined.headers().firstValue("Location")
                .orElseThrow()), null);
        assertEquals(403, result.statusCode(), result.body());
        assertEquals(0, slaveLinks(sam).size());
        assertEquals(0, masterFederations(bob).size());
    }

    @Test
    void aCancelledLoginLeavesNoFederation() throws Exception {
        Person sam = slaveUser("sam");
        Person bob = masterUser("bob");
        URI toMaster = startFederation(slaveToken(sam), bob.name());
        // The user cancels at the master's login form: the slave is told "request denied".
        RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
        HttpResponse<String> accepted = browser.get(toMaster, null);
        HttpResponse<String> form = browser.get(toMaster.resolve(accepted.headers().firstValue("Location")
                .orElseThrow()), null);
        HttpResponse<String> cancelled = browser.postForm(loginAction(form), "cancel=on");
        assertEquals(303, cancelled.statusCode(), cancelled.body());
        HttpResponse<String> result = browser.get(URI.create(cancelled.headers().firstValue("Location")
                .orElseThrow()), null);
        assertEquals(403, result.statusCode(), result.body());
        assertEquals(0, slaveLinks(sam).size());
        assertEquals(0, masterFederations(bob).size());
    }

    /** RFC 6238 TOTP (HMAC-SHA1, 30 s steps, 6 digits) over the secret Keycloak holds for the credential. */
    static String totp(String secret, long epochSeconds) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(epochSeconds / 30).array());
        int o = h[h.length - 1] & 0xf;
        int code = ((h[o] & 0x7f) << 24 | (h[o + 1] & 0xff) << 16 | (h[o + 2] & 0xff) << 8 | (h[o + 3] & 0xff))
                % 1_000_000;
        return String.format("%06d", code);
    }

    static URI otpAction(HttpResponse<String> page) {
        Matcher action = Pattern.compile("id=\"kc-otp-login-form\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
        assertTrue(action.find(), page.body());
        return URI.create(action.group(1).replace("&amp;", "&"));
    }

    @Test
    void theMasterCanAskForAOneTimeCode() throws Exception {
        // dave (of the master realm's import) set up an authenticator app: the master asks for its code too.
        Person sam = slaveUser("sam");
        RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
        HttpResponse<String> otpForm = credentialsAtMaster(browser, startFederation(slaveToken(sam), "dave"),
                "dave", "dave-password");
        assertEquals(200, otpForm.statusCode(), otpForm.body());
        String code = totp("dave-totp-secret-2026", Instant.now().getEpochSecond());
        String wrongCode = String.format("%06d", (Integer.parseInt(code) + 500_000) % 1_000_000);
        URI post = otpAction(otpForm);
        HttpResponse<String> again = withinMaster(browser, post, browser.postForm(post, "otp=" + wrongCode));
        assertEquals(0, slaveLinks(sam).size());
        post = otpAction(again);
        HttpResponse<String> question = withinMaster(browser, post, browser.postForm(post, "otp="
                + totp("dave-totp-secret-2026", Instant.now().getEpochSecond())));
        HttpResponse<String> back = confirm(browser, question, "accept=Federate");
        assertEquals(303, back.statusCode(), back.body());
        assertTrue(browser.get(URI.create(back.headers().firstValue("Location").orElseThrow()), null).body()
                .contains("data-result=\"linked\""));
        assertEquals("dave", slaveLinks(sam).get(0).get("masterAccount").asText());
        assertEquals(204, api("DELETE", slaveApi() + "/federations/master-one", slaveToken(sam), null)
                .get("status").asInt());
    }

    @Test
    void theMasterCanAuthenticateTheUserWithGba() throws Exception {
        // Bob (of the master realm's import) has his ISIM in his device (TS 35.207 test set 2 keys); the master
        // realm is also his operator's BSF.
        Person sam = slaveUser("sam");
        Person bob = new Person("bob", "bob-password", null);
        Device bobsDevice = new Device(new SoftwareIsim("bob@ims.master.example",
                Hex.decode("0396eb317b6d1c36f19c1c84cd6ffd16"), Hex.decode("53c15671c60a4b731c55b4a441c0bde2"),
                new Sqn(0)), DeviceState.load(null), URI.create(master.realmUrl("ucd-master") + "/gba-bsf"),
                UaSecurityProtocolId.HTTP_DIGEST, Duration.ofSeconds(10));
        URI toMaster = startFederation(slaveToken(sam), "bob");
        UaClient.Result atMaster = bobsDevice.login(toMaster, u -> u.toString().startsWith(slaveApi()),
                (uri, body) -> consentPage(body).map(action -> HttpRequest.newBuilder(action)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("accept=Federate"))));
        assertTrue(atMaster.nafAuthenticated(), "the master proved it holds Ks_NAF");
        HttpResponse<String> result = new RawUserAgent("d").get(atMaster.finalRedirect(), null);
        assertEquals(200, result.statusCode(), result.body());
        assertEquals("bob", slaveLinks(sam).get(0).get("masterAccount").asText());
        assertEquals(sam.name(), masterFederations(bob).get(0).get("slaveNameId").asText());
        assertEquals(204, api("DELETE", slaveApi() + "/federations/master-one", slaveToken(sam), null)
                .get("status").asInt());
    }
}
