package org.ucdgba.gba.naf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class GbaAuthenticatorConfigTest {

    private static Optional<String> problem(Map<String, String> changes) {
        Map<String, String> values = new HashMap<>(Map.of(GbaAuthenticatorConfig.ZN_URL,
                "https://bsf.example/realms/operator/gba-bsf/zn", GbaAuthenticatorConfig.ZN_CLIENT_ID, "naf-zn",
                GbaAuthenticatorConfig.ZN_CLIENT_SECRET, "zn-secret"));
        values.putAll(changes);
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(values);
        return new GbaAuthenticatorConfig(model, "naf.example").problem();
    }

    @Test
    void aCompleteConfigurationHasNoProblem() {
        assertEquals(Optional.empty(), problem(Map.of()));
        assertEquals(Optional.empty(), problem(Map.of(GbaAuthenticatorConfig.ZN_TIMEOUT_MS, "500",
                GbaAuthenticatorConfig.NAF_FQDN, "naf.example.com", GbaAuthenticatorConfig.USER_MAPPING, "impu")));
    }

    @Test
    void eachUnusableSettingIsNamedByItsLabel() {
        assertEquals("Zn endpoint (BSF) is not set", problem(Map.of(GbaAuthenticatorConfig.ZN_URL, "")).orElseThrow());
        assertEquals("Zn endpoint (BSF) is not an http(s) URL",
                problem(Map.of(GbaAuthenticatorConfig.ZN_URL, "not a url")).orElseThrow());
        assertEquals("Zn endpoint (BSF) is not an http(s) URL",
                problem(Map.of(GbaAuthenticatorConfig.ZN_URL, "ftp://bsf.example/zn")).orElseThrow());
        assertEquals("Zn client id is not set",
                problem(Map.of(GbaAuthenticatorConfig.ZN_CLIENT_ID, " ")).orElseThrow());
        assertEquals("Zn timeout (ms) must be a number of milliseconds from 100 to 60000",
                problem(Map.of(GbaAuthenticatorConfig.ZN_TIMEOUT_MS, "soon")).orElseThrow());
        assertEquals("Zn timeout (ms) must be a number of milliseconds from 100 to 60000",
                problem(Map.of(GbaAuthenticatorConfig.ZN_TIMEOUT_MS, "99")).orElseThrow());
        assertEquals("Ua security protocol id must be 0100000002 (HTTP Digest, TS 24.109)",
                problem(Map.of(GbaAuthenticatorConfig.UA_PROTOCOL_ID, "HTTP-DIGEST")).orElseThrow());
        assertEquals("NAF FQDN is not a host name",
                problem(Map.of(GbaAuthenticatorConfig.NAF_FQDN, "naf example")).orElseThrow());
        assertEquals("Map subscriber by must be impi or impu",
                problem(Map.of(GbaAuthenticatorConfig.USER_MAPPING, "email")).orElseThrow());
    }

    @Test
    void theSecretIsNeverQuoted() {
        String secret = "s3cr3t-value";
        String problem = problem(Map.of(GbaAuthenticatorConfig.ZN_CLIENT_SECRET, secret,
                GbaAuthenticatorConfig.ZN_URL, secret)).orElseThrow();
        assertFalse(problem.contains(secret), problem);
    }
}
