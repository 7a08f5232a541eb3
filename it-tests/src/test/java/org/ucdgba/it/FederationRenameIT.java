package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ucdgba.it.Federation.api;
import static org.ucdgba.it.Federation.event;
import static org.ucdgba.it.Federation.federate;
import static org.ucdgba.it.Federation.master;
import static org.ucdgba.it.Federation.masterFederations;
import static org.ucdgba.it.Federation.masterProtocol;
import static org.ucdgba.it.Federation.masterToken;
import static org.ucdgba.it.Federation.masterUser;
import static org.ucdgba.it.Federation.rename;
import static org.ucdgba.it.Federation.slave;
import static org.ucdgba.it.Federation.slaveApi;
import static org.ucdgba.it.Federation.slaveLinks;
import static org.ucdgba.it.Federation.slaveToken;
import static org.ucdgba.it.Federation.slaveUser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ucdgba.it.Federation.Person;

/**
 * A renamed account keeps its federation, at either side: the side that renamed it gives the other the new name
 * identifier (RegisterNameIdentifier by SOAP, or by redirect from the master), and a side that cannot be told
 * keeps the former name, which still works.
 */
@ExtendWith(Federation.class)
class FederationRenameIT {

    @Test
    void aRenamedSlaveAccountKeepsItsFederationAndTheMasterLearnsTheNewName() throws Exception {
        Federation.Pair pair = Federation.federatedPair();
        Person sam = pair.slaveUser();
        Person bob = pair.masterUser();
        // The administrator renames sam: the slave registers the new name at the master (rni-sp-soap).
        rename(slave, "ucd-slave", sam.id(), sam.name() + "-uel");
        assertEquals(sam.name() + "-uel", masterFederations(bob).get(0).get("slaveNameId").asText());
        assertTrue(event(slave, "ucd-slave", "FEDERATED_IDENTITY_LINK", "liberty_reregistered", "true"));
        // He renames himself (Account Console API, event UPDATE_PROFILE): the master follows again.
        String own = Federation.token(slave, "ucd-slave", sam.name() + "-uel", sam.password());
        ObjectNode profile = (ObjectNode) api("GET", slave.realmUrl("ucd-slave") + "/account/", own, null)
                .get("body");
        profile.put("username", sam.name() + "-my");
        profile.remove("userProfileMetadata");
        JsonNode updated = api("POST", slave.realmUrl("ucd-slave") + "/account/", own, profile.toString());
        assertEquals(204, updated.get("status").asInt(), updated.toString());
        assertEquals(sam.name() + "-my", masterFederations(bob).get(0).get("slaveNameId").asText());
        // Ended from the master under the new name.
        JsonNode ended = api("DELETE", masterProtocol() + "/federations?slave=" + URLEncoder.encode(slaveApi(),
                StandardCharsets.UTF_8), masterToken(bob), null);
        assertEquals(204, ended.get("status").asInt(), ended.toString());
        assertEquals(0, slave.admin("ucd-slave/users/" + sam.id() + "/federated-identity").size());
    }

    @Test
    void aMasterThatIsDownDuringARenameKeepsTheFormerName() throws Exception {
        Federation.Pair pair = Federation.federatedPair();
        Person sam = pair.slaveUser();
        Person bob = pair.masterUser();
        Federation.whileDown(master, () -> {
            rename(slave, "ucd-slave", sam.id(), sam.name() + "-uel");
        });
        assertEquals(sam.name(), masterFederations(bob).get(0).get("slaveNameId").asText());
        Person renamed = new Person(sam.name() + "-uel", sam.password(), sam.id());
        assertEquals(204, api("DELETE", slaveApi() + "/federations/master-one", slaveToken(renamed), null)
                .get("status").asInt());
        assertEquals(0, masterFederations(bob).size());
    }

    @Test
    void aRenamedMasterAccountIsGivenToTheSlaveBySoap() throws Exception {
        Federation.Pair pair = Federation.federatedPair();
        Person sam = pair.slaveUser();
        Person bob = pair.masterUser();
        // The master's administrator renames bob: the master registers the new name at the slave (rni-idp-soap).
        rename(master, "ucd-master", bob.id(), bob.name() + "-by");
        assertEquals(bob.name() + "-by", slaveLinks(sam).get(0).get("masterAccount").asText());
        Person renamed = new Person(bob.name() + "-by", bob.password(), bob.id());
        assertEquals(bob.name() + "-by", masterFederations(renamed).get(0).get("masterNameId").asText());
        assertTrue(event(slave, "ucd-slave", "FEDERATED_IDENTITY_LINK", "liberty_master_name_id",
                bob.name() + "-by"));
        assertEquals(204, api("DELETE", slaveApi() + "/federations/master-one", slaveToken(sam), null)
                .get("status").asInt());
        assertEquals(0, masterFederations(renamed).size());
    }

    @Test
    void theMasterGivesTheSlaveTheNewNameByRedirect() throws Exception {
        Federation.Pair pair = Federation.federatedPair();
        Person sam = pair.slaveUser();
        Person bob = pair.masterUser();
        // The slave is down when bob is renamed: the master keeps the former name.
        Federation.whileDown(slave, () -> {
            rename(master, "ucd-master", bob.id(), bob.name() + "-by");
        });
        Person renamed = new Person(bob.name() + "-by", bob.password(), bob.id());
        assertEquals(bob.name(), masterFederations(renamed).get(0).get("masterNameId").asText());
        // rni-idp-http: the UCD client takes the user agent to the slave with the signed request.
        JsonNode started = api("POST", masterProtocol() + "/federations/name?slave=" + URLEncoder.encode(slaveApi(),
                StandardCharsets.UTF_8) + "&binding=redirect", masterToken(renamed), null);
        assertEquals(200, started.get("status").asInt(), started.toString());
        URI toSlave = URI.create(started.get("body").get("redirect").asText());
        assertTrue(toSlave.toString().startsWith(slaveApi() + "/idff/rni?"), toSlave.toString());
        RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
        HttpResponse<String> atSlave = browser.get(toSlave, null);
        assertEquals(303, atSlave.statusCode(), atSlave.body());
        URI back = URI.create(atSlave.headers().firstValue("Location").orElseThrow());
        assertTrue(back.toString().startsWith(masterProtocol() + "/rni-return?"), back.toString());
        HttpResponse<String> page = browser.get(back, null);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("now knows your account by its new name"), page.body());
        assertEquals(bob.name() + "-by", masterFederations(renamed).get(0).get("masterNameId").asText());
        assertEquals(bob.name() + "-by", slaveLinks(sam).get(0).get("masterAccount").asText());
        // The response again: refused, it was spent.
        assertEquals(400, browser.get(back, null).statusCode());
    }

    @Test
    void aRenameForAFederationTheMasterNoLongerHoldsEndsTheLink() throws Exception {
        Federation.Pair pair = Federation.federatedPair();
        Person sam = pair.slaveUser();
        Person bob = pair.masterUser();
        // The master's administrator removes the slave client (the slave is not told) and registers the slave
        // again: the slave still holds a link the master has no record of.
        JsonNode client = Federation.slaveClients().get(0);
        assertEquals(204, master.adminSend("DELETE", "ucd-master/clients/" + client.get("id").asText(), null)
                .statusCode());
        Federation.registerSlaveAtMaster();
        rename(slave, "ucd-slave", sam.id(), sam.name() + "-uel");
        // The master answers the signed RegisterNameIdentifierRequest with lib:FederationDoesNotExist, and the
        // slave ends the link it held alone.
        assertTrue(event(master, "ucd-master", "FEDERATED_IDENTITY_LINK_ERROR", "error",
                "liberty_federation_does_not_exist"));
        assertEquals(0, slave.admin("ucd-slave/users/" + sam.id() + "/federated-identity").size());
        assertTrue(event(slave, "ucd-slave", "REMOVE_FEDERATED_IDENTITY", "reason",
                "the master holds no such federation"));
    }
}
