package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ucdgba.it.Federation.api;
import static org.ucdgba.it.Federation.awaitSlaveLinks;
import static org.ucdgba.it.Federation.event;
import static org.ucdgba.it.Federation.federate;
import static org.ucdgba.it.Federation.master;
import static org.ucdgba.it.Federation.masterFederations;
import static org.ucdgba.it.Federation.masterProtocol;
import static org.ucdgba.it.Federation.masterToken;
import static org.ucdgba.it.Federation.masterUser;
import static org.ucdgba.it.Federation.slave;
import static org.ucdgba.it.Federation.slaveApi;
import static org.ucdgba.it.Federation.slaveLinks;
import static org.ucdgba.it.Federation.slaveToken;
import static org.ucdgba.it.Federation.slaveUser;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ucdgba.it.Federation.Person;

/**
 * Ending a federation, from either side and every way it can end: the UCD client's API (SOAP), the master's
 * redirect through the user agent, the master's administrator, the Account Console and the slave's administrator,
 * the removal of a user, and a partner that is down (told later, through the outbox). Each ends it on both sides,
 * the notification naming the federation as the receiver issued it.
 */
@ExtendWith(Federation.class)
class FederationTerminationIT {

    static String ofSlave() {
        return "?slave=" + URLEncoder.encode(slaveApi(), StandardCharsets.UTF_8);
    }

    @Test
    void fromTheSlaveBySoap() throws Exception {
        Federation.Pair pair = Federation.federatedPair();
        Person sam = pair.slaveUser();
        Person bob = pair.masterUser();
        JsonNode ended = api("DELETE", slaveApi() + "/federations/master-one", slaveToken(sam), null);
        assertEquals(204, ended.get("status").asInt(), ended.toString());
        Federation.assertUnfederated(pair);
        // The slave named the federation as the master issued it: the master account.
        assertTrue(event(master, "ucd-master", "REMOVE_FEDERATED_IDENTITY", "liberty_named", bob.name()));
    }

    @Test
    void fromTheMasterBySoap() throws Exception {
        Federation.Pair pair = Federation.federatedPair();
        Person sam = pair.slaveUser();
        Person bob = pair.masterUser();
        JsonNode ended = api("DELETE", masterProtocol() + "/federations" + ofSlave(), masterToken(bob), null);
        assertEquals(204, ended.get("status").asInt(), ended.toString());
        Federation.assertUnfederated(pair);
    }

    @Test
    void fromTheMasterByRedirect() throws Exception {
        Federation.Pair pair = Federation.federatedPair();
        Person sam = pair.slaveUser();
        Person bob = pair.masterUser();
        // fedterm-idp-http: the master answers the URL its user agent takes to the slave.
        JsonNode started = api("DELETE", masterProtocol() + "/federations" + ofSlave() + "&binding=redirect",
                masterToken(bob), null);
        assertEquals(200, started.get("status").asInt(), started.toString());
        assertEquals(0, masterFederations(bob).size());
        URI toSlave = URI.create(started.get("body").get("redirect").asText());
        assertTrue(toSlave.toString().startsWith(slaveApi() + "/idff/fedterm?"), toSlave.toString());
        RawUserAgent browser = new RawUserAgent("Mozilla/5.0");
        HttpResponse<String> atSlave = browser.get(toSlave, null);
        assertEquals(303, atSlave.statusCode(), atSlave.body());
        URI back = URI.create(atSlave.headers().firstValue("Location").orElseThrow());
        assertEquals(masterProtocol() + "/fedterm-return", back.toString());
        HttpResponse<String> page = browser.get(back, null);
        assertTrue(page.body().contains("The federation has ended."), page.body());
        assertEquals(0, slaveLinks(sam).size());
        // The same notification again is refused (replay).
        assertEquals(400, browser.get(toSlave, null).statusCode());
    }

    @Test
    void byTheMastersAdministrator() throws Exception {
        Federation.Pair pair = Federation.federatedPair();
        Person sam = pair.slaveUser();
        Person bob = pair.masterUser();
        HttpResponse<String> ended = master.adminSend("DELETE", "ucd-master/ucd-liberty-partners/slaves/federations"
                + ofSlave() + "&user=" + bob.id(), null);
        assertEquals(204, ended.statusCode(), ended.body());
        Federation.assertUnfederated(pair);
    }

    /**
     * At the master, a federation is the user's consent to the slave: listed on the user's Consents tab of the admin
     * console and under Applications in the Account Console, and withdrawing it there ends the federation.
     */
    @Test
    void theMasterUsersConsentToTheSlaveListsTheFederationAndWithdrawingItEndsIt() throws Exception {
        Federation.Pair pair = Federation.federatedPair();
        Person bob = pair.masterUser();
        String slaveId = URLEncoder.encode(slaveApi(), StandardCharsets.UTF_8);
        HttpResponse<String> consents = master.adminSend("GET", "ucd-master/users/" + bob.id() + "/consents", null);
        assertEquals(200, consents.statusCode(), consents.body());
        assertEquals(List.of(slaveApi()), clientIds(Federation.JSON.readTree(consents.body())));
        JsonNode apps = api("GET", master.realmUrl("ucd-master") + "/account/applications", masterToken(bob), null);
        assertTrue(consentOf(apps.get("body"), slaveApi()), apps.toString());

        // The Account Console's "Remove access": the federation ends at both sides.
        JsonNode removed = api("DELETE", master.realmUrl("ucd-master") + "/account/applications/" + slaveId
                + "/consent", masterToken(bob), null);
        assertEquals(204, removed.get("status").asInt(), removed.toString());
        Federation.assertUnfederated(pair);

        // The administrator's Revoke on the user's Consents tab, after the pair federated again.
        federate(pair.slaveUser(), bob);
        assertTrue(consentOf(api("GET", master.realmUrl("ucd-master") + "/account/applications", masterToken(bob),
                null).get("body"), slaveApi()));
        HttpResponse<String> revoked = master.adminSend("DELETE", "ucd-master/users/" + bob.id() + "/consents/"
                + slaveId, null);
        assertEquals(204, revoked.statusCode(), revoked.body());
        Federation.assertUnfederated(pair);
        consents = master.adminSend("GET", "ucd-master/users/" + bob.id() + "/consents", null);
        assertEquals(List.of(), clientIds(Federation.JSON.readTree(consents.body())));
    }

    /** A federation the slave ends (fedterm-sp-soap) takes the master user's consent away too. */
    @Test
    void aFederationEndedOtherwiseLeavesNoConsent() throws Exception {
        Federation.Pair pair = Federation.federatedPair();
        Person bob = pair.masterUser();
        assertEquals(List.of(slaveApi()), clientIds(Federation.JSON.readTree(master.adminSend("GET",
                "ucd-master/users/" + bob.id() + "/consents", null).body())), "the federation's consent");
        JsonNode ended = api("DELETE", slaveApi() + "/federations/master-one", slaveToken(pair.slaveUser()), null);
        assertEquals(204, ended.get("status").asInt(), ended.toString());
        Federation.assertUnfederated(pair);
        HttpResponse<String> consents = master.adminSend("GET", "ucd-master/users/" + bob.id() + "/consents", null);
        assertEquals(List.of(), clientIds(Federation.JSON.readTree(consents.body())));
    }

    private static List<String> clientIds(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(c -> ids.add(c.get("clientId").asText()));
        return ids;
    }

    private static boolean consentOf(JsonNode applications, String clientId) {
        for (JsonNode app : applications) {
            if (clientId.equals(app.get("clientId").asText())) {
                return app.hasNonNull("consent");
            }
        }
        return false;
    }

    @Test
    void unlinkingInTheAccountConsoleOrByTheSlavesAdministratorTellsTheMaster() throws Exception {
        Federation.Pair pair = Federation.federatedPair();
        Person sam = pair.slaveUser();
        Person bob = pair.masterUser();
        JsonNode unlinked = api("DELETE", slave.realmUrl("ucd-slave") + "/account/linked-accounts/master-one",
                slaveToken(sam), null);
        assertEquals(204, unlinked.get("status").asInt(), unlinked.toString());
        Federation.assertUnfederated(pair);

        // The slave's administrator removes the link (Users, Identity provider links): the master is told too.
        federate(sam, bob);
        assertEquals(204, slave.adminSend("DELETE", "ucd-slave/users/" + sam.id() + "/federated-identity/master-one",
                null).statusCode());
        Federation.assertUnfederated(pair);
    }

    @Test
    void removingTheMasterUserTellsTheSlave() throws Exception {
        Federation.Pair pair = Federation.federatedPair();
        Person sam = pair.slaveUser();
        Person bob = pair.masterUser();
        assertEquals(204, master.adminSend("DELETE", "ucd-master/users/" + bob.id(), null).statusCode());
        // fedterm-idp-soap, through the master's outbox: sam's link ends at the slave too.
        awaitSlaveLinks(sam, 0);
    }

    @Test
    void aMasterThatCannotBeReachedIsToldLater() throws Exception {
        Federation.Pair pair = Federation.federatedPair();
        Person sam = pair.slaveUser();
        Person bob = pair.masterUser();
        // The master is down while sam unlinks it in the Account Console: the link ends here, the termination
        // waits in the slave's outbox (and on its gauge) and reaches the master once it is back.
        double[] queued = new double[1];
        Federation.whileDown(master, () -> {
            JsonNode unlinked = api("DELETE", slave.realmUrl("ucd-slave") + "/account/linked-accounts/master-one",
                    slaveToken(sam), null);
            assertEquals(204, unlinked.get("status").asInt(), unlinked.toString());
            assertEquals(0, slaveLinks(sam).size());
            queued[0] = pendingTerminations(slave);
            assertTrue(queued[0] >= 1, "the slave's gauge counts the queued termination");
        });
        // Retries double from 1 s: allow for a slow restart (the attempt after 31 s comes at 63 s).
        for (int i = 0; i < 240 && masterFederations(bob).size() != 0; i++) {
            Thread.sleep(500);
        }
        assertEquals(0, masterFederations(bob).size());
        assertTrue(slave.logText().contains("termination queued"));
        for (int i = 0; i < 20 && pendingTerminations(slave) >= queued[0]; i++) {
            Thread.sleep(250);
        }
        assertTrue(pendingTerminations(slave) < queued[0], "delivered, it leaves the gauge");
    }

    /** The gauge ucdgba_federation_terminations_pending scraped from a server's metrics endpoint. */
    private static double pendingTerminations(KeycloakServer server) throws Exception {
        HttpResponse<String> r = Federation.HTTP.send(java.net.http.HttpRequest.newBuilder(
                URI.create(server.managementUrl() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("^ucdgba_federation_terminations_pending(\\{[^}]*})? ([0-9.Ee+-]+)$",
                Pattern.MULTILINE).matcher(r.body());
        assertTrue(m.find(), "the gauge is on the metrics endpoint");
        return Double.parseDouble(m.group(2));
    }

    @Test
    void aTerminationEndsTheFederationItNamesWhenTheOtherSidesNamesAreAlike() throws Exception {
        // One name at both servers, in two federations: ann here with "lee" there, and "lee" here with kim there.
        String lee = "lee-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Person ann = slaveUser("ann");
        Person leeThere = Federation.namedUser(master, "ucd-master", lee);
        Person leeHere = Federation.namedUser(slave, "ucd-slave", lee);
        Person kim = masterUser("kim");
        federate(ann, leeThere);
        federate(leeHere, kim);
        // kim ends hers: the master names the slave's "lee", and only that federation ends.
        assertEquals(204, api("DELETE", masterProtocol() + "/federations" + ofSlave(), masterToken(kim), null)
                .get("status").asInt());
        assertEquals(0, slaveLinks(leeHere).size());
        assertEquals(1, slaveLinks(ann).size());
        assertEquals(1, masterFederations(leeThere).size());
        // ann ends hers from the slave: it names the master's "lee", and that federation ends.
        assertEquals(204, api("DELETE", slaveApi() + "/federations/master-one", slaveToken(ann), null)
                .get("status").asInt());
        Federation.assertUnfederated(new Federation.Pair(ann, leeThere));
    }
}
