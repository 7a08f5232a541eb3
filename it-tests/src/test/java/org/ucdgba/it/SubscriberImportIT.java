package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ucdgba.gba.client.Bootstrap;
import org.ucdgba.gba.client.Device;
import org.ucdgba.gba.client.DeviceState;
import org.ucdgba.gba.client.SoftwareIsim;
import org.ucdgba.gba.core.Hex;
import org.ucdgba.gba.core.aka.Sqn;
import org.ucdgba.gba.core.kdf.UaSecurityProtocolId;
import org.ucdgba.gba.core.provisioning.ColumnKeys;

/**
 * Importing subscribers from a card-key file in pySim's layout, with the KI and OPC columns encrypted by transport
 * keys, into a realm of its own: the per-row report, a rerun that changes nothing, a changed card, and the imported
 * subscribers bootstrapping at the BSF.
 */
class SubscriberImportIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REALM = "cards";
    private static final String KI_KEY = "000102030405060708090a0b0c0d0e0f";
    private static final String OPC_KEY = "f0e0d0c0b0a090807060504030201000";
    private static final ColumnKeys TRANSPORT = ColumnKeys.parse("KI:" + KI_KEY + ",OPC:" + OPC_KEY);
    private static final String HEADER = "ICCID,IMSI,KI,OPC,ADM1\n";
    private static KeycloakServer keycloak;

    @BeforeAll
    static void start() throws Exception {
        keycloak = OperatorKeycloak.get();
        keycloak.adminPost("", JSON.readTree("{\"realm\":\"" + REALM + "\",\"enabled\":true,"
                + "\"attributes\":{\"gba.bsf.domain\":\"localhost\"}}"));
        // An operator's realm declares the subscriber attributes; this one lets administrators see them all.
        ObjectNode profile = (ObjectNode) keycloak.admin(REALM + "/users/profile");
        profile.put("unmanagedAttributePolicy", "ADMIN_VIEW");
        keycloak.adminPut(REALM + "/users/profile", profile);
    }

    /** The card of subscriber n: an ICCID, an IMSI of MCC 001 MNC 01, and K and OPc made from n. */
    private record Card(String iccid, String imsi, byte[] k, byte[] opc) {
        static Card number(int n) {
            String digits = String.format("%010d", n);
            byte[] k = Hex.decode(String.format("%032x", 0x1000L + n));
            byte[] opc = Hex.decode(String.format("%032x", 0x2000L + n));
            return new Card("89882110" + digits + "1", "00101" + digits, k, opc);
        }

        String row(ColumnKeys keys) {
            return iccid + "," + imsi + "," + keys.encrypt("KI", k) + "," + keys.encrypt("OPC", opc) + ",87654321\n";
        }

        String impi() {
            return imsi + "@ims.mnc001.mcc001.3gppnetwork.org";
        }
    }

    private static HttpResponse<String> upload(String csv, String columnKeys, String query) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak.url() + "/admin/realms/" + REALM
                        + "/gba-subscribers/import" + query))
                .timeout(Duration.ofMinutes(20))
                .header("Authorization", "Bearer " + keycloak.adminToken())
                .header("Content-Type", "text/csv")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(csv)));
        if (columnKeys != null) {
            request.header("Gba-Column-Keys", columnKeys);
        }
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Files are sent in gzip, as an operator sends a large one (Keycloak takes bodies up to 10 MB). */
    private static byte[] gzip(String csv) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static JsonNode imported(String csv, String query) throws Exception {
        HttpResponse<String> r = upload(csv, "KI:" + KI_KEY + ",OPC:" + OPC_KEY, query);
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(r.body().contains(KI_KEY), "no transport key in the report");
        return JSON.readTree(r.body());
    }

    private static Bootstrap bootstrap(Card card) throws Exception {
        DeviceState state = DeviceState.load(null);
        return new Device(new SoftwareIsim(card.impi(), card.k(), card.opc(), new Sqn(0)), state,
                URI.create(keycloak.realmUrl(REALM) + "/gba-bsf"), UaSecurityProtocolId.HTTP_DIGEST,
                Duration.ofSeconds(10)).bootstrap();
    }

    private static Map<Integer, JsonNode> byLine(JsonNode report) {
        Map<Integer, JsonNode> rows = new HashMap<>();
        report.get("rows").forEach(r -> rows.put(r.get("line").asInt(), r));
        return rows;
    }

    @Test
    void reportsEachRowAndARerunChangesNothing() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        csv.append(Card.number(1).row(TRANSPORT));                                   // line 2
        csv.append(Card.number(2).row(TRANSPORT));                                   // line 3
        csv.append(Card.number(1).row(TRANSPORT));                                   // line 4: IMSI again
        csv.append("8988211000000000009,00101ABC,00,00,1\n");                        // line 5: bad IMSI
        Card three = Card.number(3);                                                 // line 6: a 32-octet KI
        csv.append(three.row(TRANSPORT).replace(TRANSPORT.encrypt("KI", three.k()),
                TRANSPORT.encrypt("KI", Hex.decode(Hex.encode(three.k()).repeat(2)))));
        csv.append(Card.number(4).row(TRANSPORT).replaceFirst(",[0-9a-f]{32},", ",abcd,")); // line 7: short KI

        JsonNode first = imported(csv.toString(), "?mncDigits=2&rows=all");
        System.out.println("card-key import report: " + first);
        assertEquals(2, first.get("created").asInt(), first.toString());
        assertEquals(4, first.get("refused").asInt());
        Map<Integer, JsonNode> rows = byLine(first);
        assertEquals("created", rows.get(2).get("outcome").asText());
        assertEquals(Card.number(2).iccid(), rows.get(3).get("iccid").asText());
        assertEquals("the IMPI of line 2 again", rows.get(4).get("reason").asText());
        assertTrue(rows.get(5).get("reason").asText().startsWith("IMSI"), rows.get(5).toString());
        assertEquals("KI must be 16 octets in hex once decrypted (is the transport key right?)",
                rows.get(6).get("reason").asText());
        assertEquals("KI is not a whole number of AES blocks", rows.get(7).get("reason").asText());

        JsonNode again = imported(csv.toString(), "?mncDigits=2");
        assertEquals(0, again.get("created").asInt());
        assertEquals(0, again.get("updated").asInt());
        assertEquals(2, again.get("unchanged").asInt());
        assertEquals(4, again.get("rows").size(), "only the refused rows by default");

        JsonNode user = keycloak.admin(REALM + "/users?briefRepresentation=false&exact=true&username="
                + Card.number(1).imsi()).get(0);
        assertEquals(Card.number(1).impi(), user.path("attributes").path("gba.impi").get(0).asText());
        assertEquals(Card.number(1).iccid(), user.path("attributes").path("gba.iccid").get(0).asText());
        Bootstrap b = bootstrap(Card.number(1));
        assertNotNull(b.btid());
        assertTrue(keycloak.logText().contains("card-key import into realm " + REALM + ": created 2"));
        assertFalse(keycloak.logText().contains(KI_KEY), "no transport key in the log");
    }

    @Test
    void aNewCardForAnImsiReplacesTheOldOne() throws Exception {
        Card old = Card.number(50);
        imported(HEADER + old.row(TRANSPORT), "?mncDigits=2");
        bootstrap(old);
        Card replacement = new Card(old.iccid().replace("50", "51"), old.imsi(), Card.number(51).k(),
                Card.number(51).opc());
        JsonNode report = imported(HEADER + replacement.row(TRANSPORT), "?mncDigits=2&rows=all");
        assertEquals("updated", report.get("rows").get(0).get("outcome").asText());
        bootstrap(replacement);
        // The old card's key no longer bootstraps: its answer is refused.
        assertTrue(failsToBootstrap(old));
    }

    private static boolean failsToBootstrap(Card card) {
        try {
            bootstrap(card);
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    @Test
    void aFileOrKeyItCannotUseIsA400() throws Exception {
        HttpResponse<String> noKi = upload("ICCID,IMSI,OPC\n", null, "");
        assertEquals(400, noKi.statusCode());
        assertEquals("the header has no KI column", JSON.readTree(noKi.body()).get("error_description").asText());
        HttpResponse<String> badKey = upload(HEADER, "KI:00112233", "");
        assertEquals(400, badKey.statusCode());
        assertFalse(badKey.body().contains("00112233"), "the key is never echoed");
        assertEquals(400, upload("IMSI,KI,OPC\n", null, "?mncDigits=4").statusCode());
        assertEquals(400, upload("IMSI,KI,OPC\n", null, "").statusCode(), "no MNC column and no mncDigits");
    }

    /**
     * The admin console's page of imports, as the console saves an entry (the file as text, the transport keys in a
     * password field): the entry keeps what the import did instead of the file and keys; saving it again with the
     * file changes nothing; a file it cannot use is refused by its reason and leaves no entry.
     */
    @Test
    void theAdminConsolesImportPage() throws Exception {
        String csv = HEADER + Card.number(700).row(TRANSPORT) + Card.number(701).row(TRANSPORT)
                + "8988211000000000009,00101ABC,00,00,1\n";
        ObjectNode entry = importEntry("batch 700", csv);
        // With admin events and their representations on, as an auditing operator runs them.
        ObjectNode events = JSON.createObjectNode().put("adminEventsEnabled", true)
                .put("adminEventsDetailsEnabled", true);
        keycloak.adminPut(REALM, events);
        HttpResponse<String> created = keycloak.adminSend("POST", REALM + "/components", entry);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode saved = importOutcome("batch 700", "created 2, updated 0, unchanged 0, refused 1");
        assertTrue(saved.path("config").path("refusedRows").get(0).asText().startsWith("line 4 (00101ABC): IMSI"),
                saved.toString());
        assertFalse(saved.path("config").has("file") || saved.path("config").has("columnKeys"), saved.toString());
        String encryptedKi = Card.number(700).row(TRANSPORT).split(",")[2];
        String audit = keycloak.adminSend("GET", REALM + "/admin-events?resourceTypes=COMPONENT", null).body();
        assertTrue(audit.contains("gba-sim-import"), "the entry's admin event, with its representation: " + audit);
        assertFalse(audit.contains(encryptedKi) || audit.contains(KI_KEY), "no file and no key in the admin events");
        assertNotNull(bootstrap(Card.number(700)).btid());

        entry.put("id", saved.path("id").asText());
        HttpResponse<String> again = keycloak.adminSend("PUT", REALM + "/components/" + saved.path("id").asText(),
                entry);
        assertEquals(204, again.statusCode(), again.body());
        importOutcome("batch 700", "created 0, updated 0, unchanged 2, refused 1");

        HttpResponse<String> refused = keycloak.adminSend("POST", REALM + "/components",
                importEntry("no KI", "ICCID,IMSI,OPC\n"));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("Card-key file: the header has no KI column"), refused.body());
        assertFalse(importEntries().containsKey("no KI"), "a refused file leaves no entry");
    }

    private static ObjectNode importEntry(String name, String csv) throws Exception {
        ObjectNode entry = JSON.createObjectNode().put("name", name).put("providerId", "gba-sim-import")
                .put("providerType", "org.keycloak.services.ui.extend.UiPageProvider")
                .put("parentId", keycloak.admin(REALM).get("id").asText());
        ObjectNode config = entry.putObject("config");
        config.putArray("name").add(name);
        config.putArray("file").add(csv);
        config.putArray("columnKeys").add("KI:" + KI_KEY + ",OPC:" + OPC_KEY);
        config.putArray("mncDigits").add("2");
        return entry;
    }

    /** The entry once its import has written an outcome ending so (the import runs once the entry is stored). */
    private static JsonNode importOutcome(String name, String outcome) throws Exception {
        JsonNode entry = importEntries().get(name);
        for (int i = 0; i < 100 && !entry.path("config").path("result").get(0).asText().endsWith(outcome); i++) {
            Thread.sleep(100);
            entry = importEntries().get(name);
        }
        assertTrue(entry.path("config").path("result").get(0).asText().endsWith(outcome), entry.toString());
        return entry;
    }

    /** The import page's entries by name. */
    private static Map<String, JsonNode> importEntries() throws Exception {
        Map<String, JsonNode> entries = new HashMap<>();
        keycloak.admin(REALM + "/components?type=org.keycloak.services.ui.extend.UiPageProvider").forEach(c -> {
            if ("gba-sim-import".equals(c.path("providerId").asText())) {
                entries.put(c.path("config").path("name").get(0).asText(), c);
            }
        });
        return entries;
    }

    /** 100,000 rows with a few bad ones: the report, a rerun, and a sample bootstrapping. */
    @Test
    void aHundredThousandRows() throws Exception {
        int total = Integer.getInteger("import.rows", 100_000);
        List<Integer> bad = List.of(17, 23_456, 99_999);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int n = 1_000; n < 1_000 + total; n++) {
            String row = Card.number(n).row(TRANSPORT);
            csv.append(bad.contains(n - 1_000) ? row.replaceFirst(",[0-9a-f]{32},", ",zz,") : row);
        }
        long start = System.nanoTime();
        JsonNode first = imported(csv.toString(), "?mncDigits=2");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(total - bad.size(), first.get("created").asInt(), first.path("created").toString());
        assertEquals(bad.size(), first.get("refused").asInt());
        List<Integer> refusedLines = new ArrayList<>();
        first.get("rows").forEach(r -> refusedLines.add(r.get("line").asInt()));
        assertEquals(bad.stream().map(n -> n + 2).toList(), refusedLines);
        System.out.printf("card-key import: %d rows in %.1f s, %.0f rows/s%n", total, seconds, total / seconds);

        start = System.nanoTime();
        JsonNode again = imported(csv.toString(), "?mncDigits=2");
        seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(total - bad.size(), again.get("unchanged").asInt());
        assertEquals(0, again.get("created").asInt() + again.get("updated").asInt());
        System.out.printf("card-key import rerun: %d rows in %.1f s, %.0f rows/s%n", total, seconds, total / seconds);
        for (int n : List.of(1_000, 51_234, 1_000 + total - 2)) {
            assertNotNull(bootstrap(Card.number(n)).btid());
        }
    }
}
