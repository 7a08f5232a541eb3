package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ucdgba.gba.client.DeviceState;
import org.ucdgba.gba.client.GbaClientException;
import org.ucdgba.gba.client.UaClient;

/**
 * A NAF in its own realm (a partner's Keycloak realm) that knows nothing of the subscriber but what the operator's
 * BSF says over Zn: link-only refuses an unknown subscriber, create-on-first-login creates the user from the IMPI
 * and IMPUs, and mapping by IMPU finds that user again. The steps build on each other, hence the order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GbaUserMappingIT {

    static final String CALLBACK = "https://partner.example/callback";
    static KeycloakServer keycloak;

    @BeforeAll
    static void start() throws Exception {
        keycloak = OperatorKeycloak.get();
    }

    private static UaClient.Result login() throws Exception {
        return login(DeviceState.load(null));
    }

    private static UaClient.Result login(DeviceState state) throws Exception {
        return TestSubscriber.device(keycloak, state, TestSubscriber.K).login(
                OidcSite.of(keycloak, "naf-partner", "partner-rp", CALLBACK).request().toURI(),
                u -> u.toString().startsWith(CALLBACK));
    }

    private static void configure(String key, String value) throws Exception {
        for (JsonNode execution : keycloak.admin("naf-partner/authentication/flows/gba%20partner%20browser/executions")) {
            if (execution.hasNonNull("authenticationConfig")) {
                String path = "naf-partner/authentication/config/" + execution.get("authenticationConfig").asText();
                ObjectNode config = (ObjectNode) keycloak.admin(path);
                ((ObjectNode) config.get("config")).put(key, value);
                keycloak.adminPut(path, config);
                return;
            }
        }
        throw new IllegalStateException("no configured GBA execution in naf-partner");
    }

    @Test
    @Order(1)
    void linkOnlyRefusesASubscriberWithoutAnAccount() {
        GbaClientException e = assertThrows(GbaClientException.class, GbaUserMappingIT::login);
        assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
        assertTrue(e.getMessage().contains("No account here is linked to this SIM card."), e.getMessage());
    }

    @Test
    @Order(2)
    void createOnFirstLoginMakesTheUserFromWhatTheBsfSaid() throws Exception {
        configure("gba.user.create", "true");
        assertTrue(login().finalRedirect().getQuery().contains("code="));
        JsonNode users = keycloak.admin("naf-partner/users?q=gba.impi:alice@ims.operator.example");
        assertEquals(1, users.size());
        // The partner's NAF group gets the USS of every NAF and the USS of its group from the GUSS.
        JsonNode impus = users.get(0).get("attributes").get("gba.impu");
        assertEquals(3, impus.size());
        assertEquals("sip:alice@operator.example", impus.get(0).asText());
        assertEquals("tel:+15550100", impus.get(1).asText());
        assertEquals("sip:alice.partner@operator.example", impus.get(2).asText());
    }

    @Test
    @Order(3)
    void mappingByImpuFindsTheSameUser() throws Exception {
        configure("gba.user.create", "false");
        configure("gba.user.mapping", "impu");
        assertTrue(login().finalRedirect().getQuery().contains("code="));
        assertEquals(1, keycloak.admin("naf-partner/users?q=gba.impi:alice@ims.operator.example").size());
    }

    @Test
    @Order(4)
    void aKeyRemembersItsUserOnlyWhileTheUserHoldsTheIdentity() throws Exception {
        DeviceState device = DeviceState.load(null);
        assertTrue(login(device).finalRedirect().getQuery().contains("code="));
        JsonNode first = keycloak.admin("naf-partner/users?q=gba.impi:alice@ims.operator.example").get(0);
        String firstId = first.get("id").asText();
        JsonNode impus = first.get("attributes").get("gba.impu");
        // The IMPUs move to another account: the key cached for the device's B-TID named the first user.
        ObjectNode without = first.deepCopy();
        ((ObjectNode) without.get("attributes")).remove("gba.impu");
        keycloak.adminPut("naf-partner/users/" + firstId, without);
        ObjectNode second = new ObjectMapper().createObjectNode().put("username", "alice-second").put("enabled", true);
        second.putObject("attributes").set("gba.impu", impus);
        assertEquals(201, keycloak.adminPost("naf-partner/users", second));
        String secondId = keycloak.admin("naf-partner/users?username=alice-second&exact=true").get(0).get("id")
                .asText();
        int firstSessions = keycloak.admin("naf-partner/users/" + firstId + "/sessions").size();

        assertTrue(login(device).finalRedirect().getQuery().contains("code="));
        assertEquals(1, keycloak.admin("naf-partner/users/" + secondId + "/sessions").size());
        assertEquals(firstSessions, keycloak.admin("naf-partner/users/" + firstId + "/sessions").size());
    }
}
