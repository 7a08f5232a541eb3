package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ucdgba.it.Federation.JSON;
import static org.ucdgba.it.Federation.api;
import static org.ucdgba.it.Federation.awaitSlaveLinks;
import static org.ucdgba.it.Federation.federate;
import static org.ucdgba.it.Federation.federationsWithSlave;
import static org.ucdgba.it.Federation.formToken;
import static org.ucdgba.it.Federation.master;
import static org.ucdgba.it.Federation.masterProtocol;
import static org.ucdgba.it.Federation.masterToken;
import static org.ucdgba.it.Federation.masterUser;
import static org.ucdgba.it.Federation.signInAtSlave;
import static org.ucdgba.it.Federation.slave;
import static org.ucdgba.it.Federation.slaveApi;
import static org.ucdgba.it.Federation.slaveClients;
import static org.ucdgba.it.Federation.slaveLinks;
import static org.ucdgba.it.Federation.slaveUser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ucdgba.it.Federation.Person;

/**
 * Registering partners by hand (the master's admin console page, the slave's identity provider form), and what
 * removing one does: the slave client and its entry go together, with the slave's federations. Each test puts
 * the registration from published metadata back.
 */
@ExtendWith(Federation.class)
class PartnerRegistrationIT {

    private static final String PAGES = "ucd-master/components?type="
            + URLEncoder.encode("org.keycloak.services.ui.extend.UiPageProvider", StandardCharsets.UTF_8);

    /** A realm's RS256 signing certificate (base64 DER), as its administrator would copy it from Realm keys. */
    static String certificate(KeycloakServer server, String realm) throws Exception {
        for (JsonNode key : server.admin(realm + "/keys").get("keys")) {
            if ("RS256".equals(key.path("algorithm").asText()) && "SIG".equals(key.path("use").asText())) {
                return key.get("certificate").asText();
            }
        }
        throw new AssertionError("no RS256 key in " + realm);
    }

    /** What the admin console posts when the master's administrator saves an entry of the slaves' page. */
    static ObjectNode entry(String certificate) throws Exception {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("name", "Slave UCD server");
        entry.put("providerId", "liberty-idff-slaves");
        entry.put("providerType", "org.keycloak.services.ui.extend.UiPageProvider");
        entry.put("parentId", master.admin("ucd-master").get("id").asText());
        ObjectNode config = entry.putObject("config");
        // The console adds its route parameters (realm, providerId = the page's id) to what the form holds.
        config.putArray("realm").add("ucd-master");
        config.putArray("providerId").add("liberty-idff-slaves");
        config.putArray("slaveProviderId").add(slaveApi());
        config.putArray("name").add("Slave UCD server");
        config.putArray("registerNameIdentifierUrl").add(slaveApi() + "/idff/rni-return");
        config.putArray("soapEndpoint").add(slaveApi() + "/idff/soap");
        config.putArray("sigAlg").add("rsa-sha256");
        config.putArray("signingCertificate").add(certificate);
        return entry;
    }

    static void removeSlaveClient() throws Exception {
        assertEquals(204, master.adminSend("DELETE", "ucd-master/clients/" + slaveClients().get(0).get("id")
                .asText(), null).statusCode());
    }

    /** Both partners registered from their published metadata again, and no entry left on the page. */
    static void restore() throws Exception {
        for (JsonNode entry : master.admin(PAGES)) {
            master.adminSend("DELETE", "ucd-master/components/" + entry.get("id").asText(), null);
        }
        Federation.registerSlaveAtMaster();
        ObjectNode masterAtSlave = JSON.createObjectNode();
        masterAtSlave.put("alias", Federation.MASTER);
        masterAtSlave.put("metadataUrl", masterProtocol() + "/metadata");
        slave.adminPost("ucd-slave/ucd-liberty-partners/masters", masterAtSlave);
    }

    @Test
    void theSlavesPageRegistersASlaveFromItsMetadataUrl() throws Exception {
        try {
            removeSlaveClient();
            ObjectNode entry = JSON.createObjectNode();
            entry.put("name", "Slave UCD server");
            entry.put("providerId", "liberty-idff-slaves");
            entry.put("providerType", "org.keycloak.services.ui.extend.UiPageProvider");
            entry.put("parentId", master.admin("ucd-master").get("id").asText());
            ObjectNode config = entry.putObject("config");
            config.putArray("name").add("Slave UCD server");
            config.putArray("metadataUrl").add("http://127.0.0.1:9/nothing-here");
            HttpResponse<String> unreachable = master.adminSend("POST", "ucd-master/components", entry);
            assertEquals(400, unreachable.statusCode(), unreachable.body());
            assertTrue(unreachable.body().contains("Metadata URL (metadataUrl): "), unreachable.body());
            config.putArray("metadataUrl").add(slaveApi() + "/idff/metadata");
            HttpResponse<String> saved = master.adminSend("POST", "ucd-master/components", entry);
            assertEquals(201, saved.statusCode(), saved.body());
            assertEquals("liberty-idff", slaveClients().get(0).get("protocol").asText());
            Federation.federate(slaveUser("sam"), masterUser("carol"));
        } finally {
            restore();
        }
    }

    @Test
    void partnersRegisteredByHandFederate() throws Exception {
        // The admin console shows the page "Liberty ID-FF slaves" (a declarative UI page of this bundle).
        HttpResponse<String> info = Federation.HTTP.send(HttpRequest.newBuilder(URI.create(master.url()
                + "/admin/serverinfo")).header("Authorization", "Bearer " + master.adminToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode pages = JSON.readTree(info.body()).get("componentTypes")
                .get("org.keycloak.services.ui.extend.UiPageProvider");
        // Its labels are message keys the console translates (SimSubscriptionIT shows them translated).
        assertTrue(pages.toString().contains("\"id\":\"liberty-idff-slaves\"") && pages.toString()
                .contains("\"label\":\"ucdSlaveRniReturnUrl\""), pages.toString());
        try {
            // The master's administrator registers the slave again, by hand, through the page.
            removeSlaveClient();
            ObjectNode refused = entry("MIIBnotacertificate");
            HttpResponse<String> bad = master.adminSend("POST", "ucd-master/components", refused);
            assertEquals(400, bad.statusCode(), bad.body());
            assertTrue(bad.body().contains("Signing certificate (signingCertificate): not an X.509 certificate"),
                    bad.body());
            assertEquals(0, slaveClients().size());
            HttpResponse<String> saved = master.adminSend("POST", "ucd-master/components",
                    entry(certificate(Federation.slave, "ucd-slave")));
            assertEquals(201, saved.statusCode(), saved.body());
            assertEquals("liberty-idff", slaveClients().get(0).get("protocol").asText());

            // The slave's administrator gives the master's settings one by one in the identity provider's form.
            JsonNode idp = slave.admin("ucd-slave/identity-provider/instances/master-one");
            ObjectNode byHand = idp.deepCopy();
            // The form keeps the identity provider's other settings; the metadata gives way to the settings.
            ObjectNode idpConfig = (ObjectNode) byHand.get("config");
            idpConfig.remove("libertyMetadata");
            idpConfig.put("libertyProviderId", masterProtocol());
            idpConfig.put("libertyRegisterNameIdentifierUrl", "ftp://nowhere/rni");
            idpConfig.put("libertySoapEndpoint", masterProtocol() + "/soap");
            idpConfig.put("libertySigningCertificate", certificate(master, "ucd-master"));
            idpConfig.put("libertySigAlg", "rsa-sha256");
            HttpResponse<String> badIdp = slave.adminSend("PUT", "ucd-slave/identity-provider/instances/master-one",
                    byHand);
            assertEquals(400, badIdp.statusCode(), badIdp.body());
            assertTrue(badIdp.body().contains("registerNameIdentifierUrl"), badIdp.body());
            idpConfig.put("libertyRegisterNameIdentifierUrl", masterProtocol() + "/rni");
            slave.adminPut("ucd-slave/identity-provider/instances/master-one", byHand);
            assertTrue(slave.admin("ucd-slave/identity-provider/instances/master-one").get("config")
                    .path("libertyMetadata").isMissingNode());

            Person sam = slaveUser("sam");
            Person carol = masterUser("carol");
            federate(sam, carol);
            // Termination from the master reaches the slave at the SOAP endpoint given by hand.
            JsonNode ended = api("DELETE", masterProtocol() + "/federations?slave=" + URLEncoder.encode(slaveApi(),
                    StandardCharsets.UTF_8), masterToken(carol), null);
            assertEquals(204, ended.get("status").asInt(), ended.toString());
            assertEquals(0, slaveLinks(sam).size());

            // The slave takes the master's metadata again (it lists termination by redirect). sam ends a federation
            // on the page; the slave registered by hand gave the master no return URL, so the master shows it.
            ObjectNode masterAtSlave = JSON.createObjectNode();
            masterAtSlave.put("alias", "master-one");
            masterAtSlave.put("metadataUrl", masterProtocol() + "/metadata");
            assertEquals(200, slave.adminPost("ucd-slave/ucd-liberty-partners/masters", masterAtSlave));
            federate(sam, carol);
            RawUserAgent person = new RawUserAgent("Mozilla/5.0");
            signInAtSlave(person, sam);
            HttpResponse<String> ending = person.postForm(URI.create(slaveApi() + "/end"),
                    "master=master-one&formToken=" + formToken(person.get(URI.create(slaveApi() + "/"), null).body()));
            assertEquals(303, ending.statusCode(), ending.body());
            HttpResponse<String> atMaster = person.get(URI.create(ending.headers().firstValue("Location")
                    .orElseThrow()), null);
            assertEquals(200, atMaster.statusCode(), atMaster.body());
            assertTrue(atMaster.body().contains("The federation has ended."), atMaster.body());
            assertEquals(0, slaveLinks(sam).size());
        } finally {
            restore();
        }
    }

    @Test
    void deletingTheEntryOnThePageRemovesTheSlaveAndTheClientItsEntry() throws Exception {
        try {
            removeSlaveClient();
            ObjectNode entry = entry(certificate(Federation.slave, "ucd-slave"));
            assertEquals(201, master.adminSend("POST", "ucd-master/components", entry).statusCode());
            JsonNode entries = master.admin(PAGES);
            assertEquals(1, entries.size(), entries.toString());
            assertEquals(204, master.adminSend("DELETE", "ucd-master/components/" + entries.get(0).get("id")
                    .asText(), null).statusCode());
            assertEquals(0, slaveClients().size());

            // Saved again; this time the administrator deletes the client under Clients: the entry goes with it.
            assertEquals(201, master.adminSend("POST", "ucd-master/components", entry).statusCode());
            assertEquals(1, slaveClients().size());
            removeSlaveClient();
            assertEquals(0, master.admin(PAGES).size());

            // An entry never takes over a client it did not make (a realm manager may save entries).
            Federation.registerSlaveAtMaster();
            HttpResponse<String> takeover = master.adminSend("POST", "ucd-master/components", entry);
            assertEquals(400, takeover.statusCode(), takeover.body());
            assertEquals(1, slaveClients().size());
        } finally {
            restore();
        }
    }

    @Test
    void removingTheSlaveClientRemovesItsFederations() throws Exception {
        Person sam = slaveUser("sam");
        Person carol = masterUser("carol");
        try {
            federate(sam, carol);
            removeSlaveClient();
            assertEquals(0, federationsWithSlave().size());
        } finally {
            restore();
            // The slave still holds its link, which the master no longer knows: it ends it.
            api("DELETE", slaveApi() + "/federations/master-one", Federation.slaveToken(sam), null);
            awaitSlaveLinks(sam, 0);
        }
    }
}
