package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interoperability with Lasso 2.8.1 (Entr'ouvert's ID-FF library, the most deployed open implementation), over
 * real HTTP: a Lasso slave against our master, and a Lasso master against our slave, in both bindings and both
 * signature algorithms (the Lasso slave signs RSA-SHA256, the Lasso master RSA-SHA1 as a legacy partner). Lasso
 * verifies what we send and we verify what Lasso sends; a tampered message is refused each way. Where stock
 * Lasso needs a workaround the peer says which and why (lasso_peer.py): it reads lib:*ProvidedNameIdentifier
 * only once those names are registered, and it renames only a federation that exists, so the peer's principal is
 * given its federation before the RegisterNameIdentifierRequest that makes it on our side.
 */
class LassoIT {

    static KeycloakServer server;

    @BeforeAll
    static void start() throws Exception {
        server = KeycloakServer.prepare("lasso", "localhost", List.of("/realms/ucd-master-realm.json",
                "/realms/ucd-slave-realm.json"), Map.of()).start();
        Federation.master = server;
        Federation.slave = server;
        ObjectNode consent = Federation.JSON.createObjectNode();
        consent.put("providerId", "ucd-federation-consent");
        consent.put("name", "UCD federation consent");
        server.adminPost("ucd-master/authentication/register-required-action", consent);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static String masterProtocol() {
        return server.realmUrl("ucd-master") + "/protocol/liberty-idff";
    }

    static String slaveApi() {
        return server.realmUrl("ucd-slave") + "/ucd-federation";
    }

    /** What our master's administrator sees of its federations with the Lasso slave. */
    static JsonNode masterFederations(LassoPeer peer) throws Exception {
        return server.admin("ucd-master/ucd-liberty-partners/slaves/federations?slave="
                + URLEncoder.encode(peer.url(), StandardCharsets.UTF_8));
    }

    /** The Lasso slave federates its principal with carol at our master (rni-sp-http, then carol's login). */
    static String federateAtOurMaster(LassoPeer peer) throws Exception {
        peer.federation("carol", null);
        JsonNode started = peer.rni("redirect", false);
        RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
        HttpResponse<String> back = Federation.loginAtMaster(browser, URI.create(started.get("url").asText()),
                "carol", "carol-password");
        assertEquals(303, back.statusCode(), back.body());
        HttpResponse<String> atPeer = browser.get(URI.create(back.headers().firstValue("Location").orElseThrow()),
                null);
        assertEquals(200, atPeer.statusCode(), atPeer.body());
        assertEquals("rni-response samlp:Success", atPeer.body());
        JsonNode federations = masterFederations(peer);
        assertEquals(1, federations.size(), federations.toString());
        assertEquals("carol", federations.get(0).get("masterNameId").asText());
        assertEquals(started.get("newName").asText(), federations.get(0).get("slaveNameId").asText());
        return started.get("newName").asText();
    }

    @Test
    void aLassoSlaveFederatesRenamesAndTerminatesWithOurMaster() throws Exception {
        try (LassoPeer peer = LassoPeer.start("sp")) {
            ObjectNode slaveAtMaster = Federation.JSON.createObjectNode();
            slaveAtMaster.put("metadataUrl", peer.url() + "/metadata");
            slaveAtMaster.put("name", "Lasso slave");
            assertEquals(201, server.adminPost("ucd-master/ucd-liberty-partners/slaves", slaveAtMaster));
            peer.partner(Federation.get(masterProtocol() + "/metadata"), "rsa-sha256");

            // RegisterNameIdentifier by redirect makes the federation; by SOAP it renames the slave account.
            String first = federateAtOurMaster(peer);
            JsonNode renamed = peer.rni("soap", false);
            assertEquals(200, renamed.get("status").asInt(), renamed.toString());
            assertEquals("samlp:Success", renamed.get("answer").asText());
            assertNotEquals(first, renamed.get("newName").asText());
            assertEquals(renamed.get("newName").asText(), masterFederations(peer).get(0).get("slaveNameId").asText());
            // A tampered SOAP request: a SOAP fault, and the federation keeps its name.
            JsonNode tampered = peer.rni("soap", true);
            assertEquals(500, tampered.get("status").asInt(), tampered.toString());
            assertEquals(renamed.get("newName").asText(), masterFederations(peer).get(0).get("slaveNameId").asText());
            assertTrue(server.events("ucd-master", "REMOVE_FEDERATED_IDENTITY_ERROR").stream()
                    .anyMatch(e -> "liberty_signature_invalid".equals(e.path("error").asText())));

            // Lasso names the federation by the identifier our master issued (carol): termination by redirect ends
            // it here and the user agent goes back to Lasso's return URL.
            JsonNode byRedirect = peer.fedterm("redirect", false);
            assertEquals("carol", byRedirect.get("named").asText());
            HttpResponse<String> ended = new RawUserAgent("Mozilla/5.0").get(URI.create(byRedirect.get("url")
                    .asText()), null);
            assertEquals(303, ended.statusCode(), ended.body());
            assertEquals(peer.url() + "/fedterm-return", ended.headers().firstValue("Location").orElseThrow());
            assertEquals(0, masterFederations(peer).size());
            assertTrue(server.events("ucd-master", "REMOVE_FEDERATED_IDENTITY").stream()
                    .anyMatch(e -> "carol".equals(e.path("details").path("liberty_named").asText())));

            // And by SOAP.
            federateAtOurMaster(peer);
            JsonNode bySoap = peer.fedterm("soap", false);
            assertEquals(204, bySoap.get("status").asInt(), bySoap.toString());
            assertEquals(0, masterFederations(peer).size());

            // Named by the identifier the Lasso slave issued itself, as some peers do: it ends too.
            String own = federateAtOurMaster(peer);
            JsonNode namingItsOwn = peer.fedtermNamingItsOwnName();
            assertEquals(204, namingItsOwn.get("status").asInt(), namingItsOwn.toString());
            assertEquals(own, namingItsOwn.get("named").asText());
            assertEquals(0, masterFederations(peer).size());
            assertTrue(peer.state().get("federation").isNull());

            // A tampered termination by redirect is refused, and the federation stays.
            federateAtOurMaster(peer);
            String url = peer.fedterm("redirect", false).get("url").asText();
            HttpResponse<String> forged = new RawUserAgent("Mozilla/5.0").get(URI.create(url.replace(
                    "NameIdentifier=carol", "NameIdentifier=dave")), null);
            assertEquals(400, forged.statusCode(), forged.body());
            assertEquals(1, masterFederations(peer).size());
            assertTrue(server.events("ucd-master", "REMOVE_FEDERATED_IDENTITY_ERROR").stream()
                    .anyMatch(e -> "liberty_signature_invalid".equals(e.path("error").asText())));
        }
    }

    @Test
    void ourMasterTerminatesAndRenamesTowardsALassoSlaveAndLassoRefusesATamperedMessage() throws Exception {
        try (LassoPeer peer = LassoPeer.start("sp")) {
            ObjectNode slaveAtMaster = Federation.JSON.createObjectNode();
            slaveAtMaster.put("metadataUrl", peer.url() + "/metadata");
            assertEquals(201, server.adminPost("ucd-master/ucd-liberty-partners/slaves", slaveAtMaster));
            peer.partner(Federation.get(masterProtocol() + "/metadata"), "rsa-sha256");
            String carol = Federation.token(server, "ucd-master", "carol", "carol-password");
            String federations = masterProtocol() + "/federations?slave=" + URLEncoder.encode(peer.url(),
                    StandardCharsets.UTF_8);

            // By SOAP (fedterm-idp-soap), named as Lasso issued it: Lasso ends its side.
            String slaveName = federateAtOurMaster(peer);
            assertEquals(204, Federation.api("DELETE", federations, carol, null).get("status").asInt());
            JsonNode state = peer.state();
            assertTrue(state.get("federation").isNull(), state.toString());
            JsonNode received = state.get("received").get(state.get("received").size() - 1);
            assertEquals("fedterm", received.get("what").asText());
            assertEquals(slaveName, received.get("named").asText());

            // Our master renames carol towards Lasso: by SOAP when its administrator renames her (rni-idp-soap),
            // by redirect when her UCD client asks (rni-idp-http, here with the name it has).
            federateAtOurMaster(peer);
            String carolId = server.admin("ucd-master/users?username=carol&exact=true").get(0).get("id").asText();
            Federation.rename(server, "ucd-master", carolId, "caroline");
            try {
                JsonNode renamed = last(peer.state());
                assertEquals("rni", renamed.get("what").asText(), renamed.toString());
                assertEquals("soap", renamed.get("binding").asText());
                assertEquals("caroline", renamed.get("idp").asText());
                assertEquals("carol", renamed.get("old").asText());
                assertEquals("caroline", peer.state().get("federation").get("remote").asText());
                String caroline = Federation.token(server, "ucd-master", "caroline", "carol-password");
                JsonNode byRedirect = Federation.api("POST", masterProtocol() + "/federations/name?slave="
                        + URLEncoder.encode(peer.url(), StandardCharsets.UTF_8) + "&binding=redirect", caroline, null);
                RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
                HttpResponse<String> atPeer = browser.get(URI.create(byRedirect.get("body").get("redirect")
                        .asText()), null);
                assertEquals(303, atPeer.statusCode(), atPeer.body());
                HttpResponse<String> back = browser.get(URI.create(atPeer.headers().firstValue("Location")
                        .orElseThrow()), null);
                assertEquals(200, back.statusCode(), back.body());
                assertEquals("redirect", last(peer.state()).get("binding").asText());
                assertEquals(204, Federation.api("DELETE", federations, caroline, null).get("status").asInt());
            } finally {
                Federation.rename(server, "ucd-master", carolId, "carol");
            }

            // By redirect (fedterm-idp-http); tampered on the way, Lasso refuses it.
            federateAtOurMaster(peer);
            JsonNode byRedirect = Federation.api("DELETE", federations + "&binding=redirect", carol, null);
            assertEquals(200, byRedirect.get("status").asInt(), byRedirect.toString());
            String url = byRedirect.get("body").get("redirect").asText();
            HttpResponse<String> forged = new RawUserAgent("Mozilla/5.0").get(URI.create(url.replace(
                    "IssueInstant=", "IssueInstant=1")), null);
            assertEquals(400, forged.statusCode(), forged.body());
            assertTrue(forged.body().startsWith("refused by Lasso"), forged.body());
            HttpResponse<String> ended = new RawUserAgent("Mozilla/5.0").get(URI.create(url), null);
            assertEquals(303, ended.statusCode(), ended.body());
            assertEquals(masterProtocol() + "/fedterm-return", ended.headers().firstValue("Location").orElseThrow());
            assertTrue(peer.state().get("federation").isNull());
            assertEquals(0, masterFederations(peer).size());
        }
    }

    /**
     * Each side registers the other: the Lasso master at our slave as alias {@code lasso} (created, or updated
     * when another test made it), as a legacy RSA-SHA1 partner, since stock Lasso signs SOAP with RSA-SHA1.
     */
    static void registerLassoMaster(LassoPeer peer) throws Exception {
        ObjectNode masterAtSlave = Federation.JSON.createObjectNode();
        masterAtSlave.put("alias", "lasso");
        masterAtSlave.put("displayName", "Lasso master");
        masterAtSlave.put("metadataUrl", peer.url() + "/metadata");
        masterAtSlave.put("sigAlg", "rsa-sha1");
        int status = server.adminPost("ucd-slave/ucd-liberty-partners/masters", masterAtSlave);
        assertTrue(status == 201 || status == 200, "registered: " + status);
        peer.partner(Federation.get(slaveApi() + "/idff/metadata"), "rsa-sha1");
    }

    /** Our slave's sam federates with the Lasso master's principal lena (rni-sp-http; Lasso answers). */
    static void federateAtTheLassoMaster(LassoPeer peer, String sam) throws Exception {
        peer.federation(null, "lena");
        JsonNode started = Federation.api("POST", slaveApi() + "/federations", sam,
                "{\"master\":\"lasso\",\"masterAccount\":\"lena\"}");
        assertEquals(200, started.get("status").asInt(), started.toString());
        RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
        HttpResponse<String> atPeer = browser.get(URI.create(started.get("body").get("redirect").asText()), null);
        assertEquals(303, atPeer.statusCode(), atPeer.body());
        HttpResponse<String> linked = browser.get(URI.create(atPeer.headers().firstValue("Location").orElseThrow()),
                null);
        assertEquals(200, linked.statusCode(), linked.body());
        assertTrue(linked.body().contains("data-result=\"linked\""), linked.body());
        assertEquals("lena", links(sam).get(0).get("masterAccount").asText());
    }

    static JsonNode links(String sam) throws Exception {
        return Federation.api("GET", slaveApi() + "/federations", sam, null).get("body");
    }

    @Test
    void aLassoMasterFederatesRenamesAndTerminatesWithOurSlave() throws Exception {
        try (LassoPeer peer = LassoPeer.start("idp")) {
            registerLassoMaster(peer);
            String sam = Federation.token(server, "ucd-slave", "sam", "sam-password");
            federateAtTheLassoMaster(peer, sam);

            // The master renames its account by redirect (rni-idp-http), then by SOAP (rni-idp-soap).
            JsonNode byRedirect = peer.rni("redirect", false);
            RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
            HttpResponse<String> answered = browser.get(URI.create(byRedirect.get("url").asText()), null);
            assertEquals(303, answered.statusCode(), answered.body());
            HttpResponse<String> atPeer = browser.get(URI.create(answered.headers().firstValue("Location")
                    .orElseThrow()), null);
            assertEquals("rni-response samlp:Success", atPeer.body());
            assertEquals(byRedirect.get("newName").asText(), links(sam).get(0).get("masterAccount").asText());
            JsonNode bySoap = peer.rni("soap", false);
            assertEquals("samlp:Success", bySoap.get("answer").asText(), bySoap.toString());
            assertEquals(bySoap.get("newName").asText(), links(sam).get(0).get("masterAccount").asText());
            // Tampered, by SOAP and by redirect: refused, and the link keeps its name.
            assertEquals(500, peer.rni("soap", true).get("status").asInt());
            String url = peer.rni("redirect", false).get("url").asText();
            assertEquals(400, browser.get(URI.create(url.replace("IssueInstant=", "IssueInstant=1")), null)
                    .statusCode());
            assertEquals(bySoap.get("newName").asText(), links(sam).get(0).get("masterAccount").asText());

            // The master terminates by redirect (fedterm-idp-http): the link ends and the user agent goes back.
            peer.federation(null, bySoap.get("newName").asText());
            JsonNode end = peer.fedterm("redirect", false);
            HttpResponse<String> ended = browser.get(URI.create(end.get("url").asText()), null);
            assertEquals(303, ended.statusCode(), ended.body());
            assertEquals(peer.url() + "/fedterm-return", ended.headers().firstValue("Location").orElseThrow());
            assertEquals(0, links(sam).size());
            // And by SOAP (fedterm-idp-soap).
            federateAtTheLassoMaster(peer, sam);
            assertEquals(204, peer.fedterm("soap", false).get("status").asInt());
            assertEquals(0, links(sam).size());
        }
    }

    @Test
    void ourSlaveRenamesAndTerminatesTowardsALassoMasterAndLassoRefusesATamperedMessage() throws Exception {
        try (LassoPeer peer = LassoPeer.start("idp")) {
            registerLassoMaster(peer);
            String sam = Federation.token(server, "ucd-slave", "sam", "sam-password");

            // A tampered federation request: Lasso refuses it.
            peer.federation(null, "lena");
            JsonNode started = Federation.api("POST", slaveApi() + "/federations", sam,
                    "{\"master\":\"lasso\",\"masterAccount\":\"lena\"}");
            String url = started.get("body").get("redirect").asText();
            HttpResponse<String> forged = new RawUserAgent("Mozilla/5.0").get(URI.create(url.replace(
                    "IDPProvidedNameIdentifier=lena", "IDPProvidedNameIdentifier=mallory")), null);
            assertEquals(400, forged.statusCode(), forged.body());
            assertTrue(forged.body().startsWith("refused by Lasso"), forged.body());

            // By SOAP (fedterm-sp-soap), named as Lasso issued it (lena): Lasso ends its side.
            federateAtTheLassoMaster(peer, sam);
            assertEquals(204, Federation.api("DELETE", slaveApi() + "/federations/lasso", sam, null)
                    .get("status").asInt());
            JsonNode state = peer.state();
            assertTrue(state.get("federation").isNull(), state.toString());
            JsonNode received = state.get("received").get(state.get("received").size() - 1);
            assertEquals("fedterm", received.get("what").asText());
            assertEquals("lena", received.get("named").asText());
            assertEquals(0, links(sam).size());

            // sam is renamed here: Lasso learns the new name (rni-sp-soap). Then he ends the federation on the
            // page (fedterm-sp-http): through Lasso and back.
            federateAtTheLassoMaster(peer, sam);
            String samId = server.admin("ucd-slave/users?username=sam&exact=true").get(0).get("id").asText();
            Federation.rename(server, "ucd-slave", samId, "samuel");
            try {
                JsonNode renamed = last(peer.state());
                assertEquals("rni", renamed.get("what").asText(), renamed.toString());
                assertEquals("samuel", renamed.get("sp").asText());
                assertEquals("samuel", peer.state().get("federation").get("remote").asText());
                RawUserAgent person = new RawUserAgent("Mozilla/5.0");
                Federation.signInAtSlave(person, new Federation.Person("samuel", "sam-password", samId));
                HttpResponse<String> ending = person.postForm(URI.create(slaveApi() + "/end"), "master=lasso&formToken="
                        + Federation.formToken(person.get(URI.create(slaveApi() + "/"), null).body()));
                assertEquals(303, ending.statusCode(), ending.body());
                HttpResponse<String> atPeer = person.get(URI.create(ending.headers().firstValue("Location")
                        .orElseThrow()), null);
                assertEquals(303, atPeer.statusCode(), atPeer.body());
                HttpResponse<String> ended = person.get(URI.create(atPeer.headers().firstValue("Location")
                        .orElseThrow()), null);
                assertTrue(ended.body().contains("data-result=\"terminated\""), ended.body());
                assertTrue(peer.state().get("federation").isNull());
                assertEquals("redirect", last(peer.state()).get("binding").asText());
            } finally {
                Federation.rename(server, "ucd-slave", samId, "sam");
            }
        }
    }

    /** What the peer received last. */
    static JsonNode last(JsonNode state) {
        return state.get("received").get(state.get("received").size() - 1);
    }
}
