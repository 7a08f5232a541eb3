package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ucdgba.it.Federation.api;
import static org.ucdgba.it.Federation.federate;
import static org.ucdgba.it.Federation.formToken;
import static org.ucdgba.it.Federation.loginAtMaster;
import static org.ucdgba.it.Federation.masterFederations;
import static org.ucdgba.it.Federation.masterUser;
import static org.ucdgba.it.Federation.signInAtSlave;
import static org.ucdgba.it.Federation.slave;
import static org.ucdgba.it.Federation.slaveApi;
import static org.ucdgba.it.Federation.slaveLinks;
import static org.ucdgba.it.Federation.slaveToken;
import static org.ucdgba.it.Federation.slaveUser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ucdgba.it.Federation.Person;

/**
 * The slave's pages for a person, through the realm's theme: federate and end a federation on the page, the
 * offer to sign in, escaping of hostile names, and no dead end around the master identity provider (hidden on the
 * login page, offered in the Account Console only once linked).
 */
@ExtendWith(Federation.class)
class FederationPageIT {

    @Test
    void aPersonFederatesAndEndsTheFederationOnTheSlavesPage() throws Exception {
        Person sam = slaveUser("sam");
        Person bob = masterUser("bob");
        RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
        signInAtSlave(browser, sam);

        // Step 3: the page lists the masters by display name; the person names the master account.
        HttpResponse<String> page = browser.get(URI.create(slaveApi() + "/"), null);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("<option value=\"master-one\">Master UCD server one</option>"), page.body());
        String token = formToken(page.body());
        HttpResponse<String> toMaster = browser.postForm(URI.create(slaveApi() + "/federate"),
                "master=master-one&masterAccount=" + bob.name() + "&formToken=" + token);
        assertEquals(303, toMaster.statusCode(), toMaster.body());
        HttpResponse<String> back = loginAtMaster(browser, URI.create(toMaster.headers().firstValue("Location")
                .orElseThrow()), bob.name(), bob.password());
        HttpResponse<String> result = browser.get(URI.create(back.headers().firstValue("Location").orElseThrow()),
                null);
        assertTrue(result.body().contains("data-result=\"linked\""), result.body());
        assertTrue(result.body().contains("id=\"ucd-back\" href=\"" + slaveApi() + "/\""), result.body());
        assertEquals(bob.name(), slaveLinks(sam).get(0).get("masterAccount").asText());

        // The form token was single-use.
        assertEquals(400, browser.postForm(URI.create(slaveApi() + "/federate"),
                "master=master-one&masterAccount=" + bob.name() + "&formToken=" + token).statusCode());

        // The page lists the federation. Ending it there sends the user agent to the master with the signed
        // notification (fedterm-sp-http), and the master sends it back to the slave's return URL.
        HttpResponse<String> listed = browser.get(URI.create(slaveApi() + "/"), null);
        assertTrue(listed.body().contains(bob.name() + " at Master UCD server one"), listed.body());
        HttpResponse<String> ending = browser.postForm(URI.create(slaveApi() + "/end"),
                "master=master-one&formToken=" + formToken(listed.body()));
        assertEquals(303, ending.statusCode(), ending.body());
        URI fedterm = URI.create(ending.headers().firstValue("Location").orElseThrow());
        assertTrue(fedterm.getPath().endsWith("/realms/ucd-master/protocol/liberty-idff/fedterm")
                && fedterm.getRawQuery().contains("&Signature="), fedterm.toString());
        HttpResponse<String> atMaster = browser.get(fedterm, null);
        assertEquals(303, atMaster.statusCode(), atMaster.body());
        HttpResponse<String> ended = browser.get(URI.create(atMaster.headers().firstValue("Location").orElseThrow()),
                null);
        assertTrue(ended.body().contains("data-result=\"terminated\""), ended.body());
        Federation.assertUnfederated(new Federation.Pair(sam, bob));
        // The same notification again is refused at the master (replay).
        assertEquals(400, browser.get(fedterm, null).statusCode());
    }

    @Test
    void aPersonWhoIsNotSignedInIsOfferedTheSignIn() throws Exception {
        HttpResponse<String> anonymous = new RawUserAgent("Mozilla/5.0").get(URI.create(slaveApi() + "/"), null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.body().contains("data-result=\"sign-in-first\""), anonymous.body());
        assertTrue(anonymous.body().contains("id=\"ucd-sign-in\""), anonymous.body());
        assertThemed(anonymous);
        // An expired form: a page that says so and links back.
        HttpResponse<String> expired = new RawUserAgent("Mozilla/5.0").postForm(URI.create(slaveApi() + "/end"),
                "master=master-one&formToken=forged");
        assertEquals(400, expired.statusCode());
        assertTrue(expired.body().contains("This form has expired"), expired.body());
        assertTrue(expired.body().contains("id=\"ucd-back\""), expired.body());
    }

    /** Keycloak's layout: the page's language, a viewport, and Keycloak's security headers. */
    static void assertThemed(HttpResponse<String> page) {
        assertTrue(Pattern.compile("<html[^>]* lang=\"en\"").matcher(page.body()).find(), page.body());
        assertTrue(page.body().contains("name=\"viewport\""), page.body());
        assertTrue(page.headers().firstValue("X-Frame-Options").isPresent(), page.headers().toString());
        assertTrue(page.headers().firstValue("Content-Security-Policy").isPresent(), page.headers().toString());
    }

    @Test
    void pagesAreThemedAndEscapeHostileNames() throws Exception {
        // A master account named by its master (an RNI carries any text) and a master's display name, both hostile.
        Person sam = slaveUser("sam");
        String hostile = "<script>alert(\"x\")</script>";
        ObjectNode link = Federation.JSON.createObjectNode();
        link.put("identityProvider", "master-one");
        link.put("userId", hostile);
        link.put("userName", hostile);
        assertEquals(204, slave.adminSend("POST", "ucd-slave/users/" + sam.id() + "/federated-identity/master-one",
                link).statusCode());
        JsonNode idp = slave.admin("ucd-slave/identity-provider/instances/master-one");
        String displayName = idp.get("displayName").asText();
        ObjectNode renamed = idp.deepCopy();
        renamed.put("displayName", "<img src=x onerror=alert(1)>");
        slave.adminPut("ucd-slave/identity-provider/instances/master-one", renamed);
        try {
            RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
            signInAtSlave(browser, sam);
            HttpResponse<String> page = browser.get(URI.create(slaveApi() + "/"), null);
            assertEquals(200, page.statusCode(), page.body());
            assertThemed(page);
            assertFalse(page.body().contains(hostile), page.body());
            assertFalse(page.body().contains("<img src=x"), page.body());
            assertTrue(page.body().contains("&lt;script&gt;"), page.body());
            assertTrue(page.body().contains("&lt;img src=x onerror=alert(1)&gt;"), page.body());
        } finally {
            ObjectNode back = idp.deepCopy();
            back.put("displayName", displayName);
            slave.adminPut("ucd-slave/identity-provider/instances/master-one", back);
            slave.adminSend("DELETE", "ucd-slave/users/" + sam.id() + "/federated-identity/master-one", null);
        }
    }

    @Test
    void theMasterIdentityProviderIsNoDeadEnd() throws Exception {
        // Not on the slave's login page: a master is no way to log in.
        HttpResponse<String> login = new RawUserAgent("Mozilla/5.0").get(URI.create(slave.realmUrl("ucd-slave")
                + "/protocol/openid-connect/auth?client_id=ucd-web&response_type=code&scope=openid"
                + "&redirect_uri=https%3A%2F%2Fucd-client.example%2Fcb"), null);
        assertEquals(200, login.statusCode());
        assertFalse(login.body().contains("/broker/master-one/"), login.body());
        assertFalse(login.body().contains("Master UCD server one"), login.body());
        // In the Account Console only once linked (where "Unlink" tells the master).
        Person sam = slaveUser("sam");
        Person bob = masterUser("bob");
        assertFalse(linkedAccounts(sam).toString().contains("master-one"), linkedAccounts(sam).toString());
        federate(sam, bob);
        assertTrue(linkedAccounts(sam).toString().contains("master-one"), linkedAccounts(sam).toString());
        assertEquals(204, api("DELETE", slaveApi() + "/federations/master-one", slaveToken(sam), null)
                .get("status").asInt());
    }

    static JsonNode linkedAccounts(Person p) throws Exception {
        return api("GET", slave.realmUrl("ucd-slave") + "/account/linked-accounts", slaveToken(p), null).get("body");
    }
}
