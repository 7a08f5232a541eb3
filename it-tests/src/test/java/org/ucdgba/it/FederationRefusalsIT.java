package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ucdgba.it.Federation.api;
import static org.ucdgba.it.Federation.event;
import static org.ucdgba.it.Federation.master;
import static org.ucdgba.it.Federation.masterUser;
import static org.ucdgba.it.Federation.slave;
import static org.ucdgba.it.Federation.slaveApi;
import static org.ucdgba.it.Federation.slaveToken;
import static org.ucdgba.it.Federation.slaveUser;
import static org.ucdgba.it.Federation.startFederation;
import static org.ucdgba.it.Federation.token;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ucdgba.it.Federation.Person;

/**
 * What the master and the slave refuse, and how: forged, unsigned and stranger's requests (a page and an event
 * naming the reason), tokens issued to other sites, and federations that conflict with one that exists (JSON in
 * Keycloak's error shape).
 */
@ExtendWith(Federation.class)
class FederationRefusalsIT {

    @Test
    void forgedUnsignedAndStrangersRequestsAreRefusedAtTheMaster() throws Exception {
        Person sam = slaveUser("sam");
        Person bob = masterUser("bob");
        URI toMaster = startFederation(slaveToken(sam), bob.name());
        String tampered = toMaster.toString().replace("IDPProvidedNameIdentifier=" + bob.name(),
                "IDPProvidedNameIdentifier=carol");
        assertEquals(400, new RawUserAgent("Mozilla/5.0").get(URI.create(tampered), null).statusCode());
        String unsigned = toMaster.toString().substring(0, toMaster.toString().indexOf("&SigAlg="));
        assertEquals(400, new RawUserAgent("Mozilla/5.0").get(URI.create(unsigned), null).statusCode());
        String stranger = toMaster.toString().replace("ProviderID=" + URLEncoder.encode(slaveApi(),
                StandardCharsets.UTF_8), "ProviderID=https%3A%2F%2Fstranger.example%2Fucd");
        assertEquals(400, new RawUserAgent("Mozilla/5.0").get(URI.create(stranger), null).statusCode());
        for (String error : new String[] {"liberty_signature_invalid", "liberty_signature_missing",
                "liberty_unknown_provider"}) {
            assertTrue(event(master, "ucd-master", "FEDERATED_IDENTITY_LINK_ERROR", "error", error), error);
        }
    }

    @Test
    void aTokenIssuedToAnotherSiteCannotUseTheApis() throws Exception {
        // A token for another client of the slave realm lacks the ucd-federation audience.
        Person sam = slaveUser("sam");
        String elsewhere = token(slave, "ucd-slave", "other-site", sam.name(), sam.password());
        JsonNode masters = api("GET", slaveApi() + "/masters", elsewhere, null);
        assertEquals(401, masters.get("status").asInt());
        assertEquals("not_authenticated", masters.get("body").get("error").asText());
        assertTrue(masters.get("body").has("error_description"));
        assertEquals(401, api("POST", slaveApi() + "/federations", elsewhere,
                "{\"master\":\"master-one\",\"masterAccount\":\"bob\"}").get("status").asInt());
        assertEquals(401, api("DELETE", slaveApi() + "/federations/master-one", elsewhere, null)
                .get("status").asInt());
        assertEquals(401, api("GET", master.realmUrl("ucd-master") + "/protocol/liberty-idff/federations",
                elsewhere, null).get("status").asInt());
        assertEquals(200, api("GET", slaveApi() + "/masters", slaveToken(sam), null).get("status").asInt());
    }

    @Test
    void aFederationThatConflictsWithOneThatExistsIsRefused() throws Exception {
        Person sam = slaveUser("sam");
        Person ann = slaveUser("ann");
        Person bob = masterUser("bob");
        Federation.federate(sam, bob);
        // sam again with another master account: end the first one first.
        JsonNode again = api("POST", slaveApi() + "/federations", slaveToken(sam),
                "{\"master\":\"master-one\",\"masterAccount\":\"carol\"}");
        assertEquals(409, again.get("status").asInt(), again.toString());
        assertEquals("already_federated", again.get("body").get("error").asText());
        // ann with bob's account: it is federated with sam here.
        JsonNode taken = api("POST", slaveApi() + "/federations", slaveToken(ann),
                "{\"master\":\"master-one\",\"masterAccount\":\"" + bob.name() + "\"}");
        assertEquals(409, taken.get("status").asInt(), taken.toString());
        // No master of that alias, no account: 400.
        JsonNode bad = api("POST", slaveApi() + "/federations", slaveToken(ann),
                "{\"master\":\"nowhere\",\"masterAccount\":\"x\"}");
        assertEquals(400, bad.get("status").asInt(), bad.toString());
        assertEquals("invalid_request", bad.get("body").get("error").asText());
        assertEquals(204, api("DELETE", slaveApi() + "/federations/master-one", slaveToken(sam), null)
                .get("status").asInt());
    }
}
