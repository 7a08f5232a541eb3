package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ucdgba.gba.client.Device;
import org.ucdgba.gba.client.DeviceState;
import org.ucdgba.gba.client.GbaClientException;
import org.ucdgba.gba.client.SoftwareIsim;
import org.ucdgba.gba.client.UaClient;
import org.ucdgba.gba.core.Hex;
import org.ucdgba.gba.core.aka.Sqn;
import org.ucdgba.gba.core.kdf.UaSecurityProtocolId;

/**
 * Use case 2 end to end in the real Keycloak: the operator realm hosts the BSF (Ub, Zn) and the NAF (the GBA
 * authenticator); a third-party site logs the subscriber in over OIDC with the Nimbus SDK, no password typed.
 */
class GbaLoginIT {

    static final String IMPI = "alice@ims.operator.example";
    static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    static final byte[] OPC = Hex.decode("cd63cb71954a9f4e48a5994e37a02baf");
    static final String RP_CALLBACK = "https://rp.example/callback";

    static KeycloakServer keycloak;

    @BeforeAll
    static void start() throws Exception {
        keycloak = OperatorKeycloak.get();
    }

    static Device device(DeviceState state, byte[] k) {
        return new Device(new SoftwareIsim(IMPI, k, OPC, state.sqn()), state,
                URI.create(keycloak.realmUrl("operator") + "/gba-bsf"), UaSecurityProtocolId.HTTP_DIGEST,
                Duration.ofSeconds(10));
    }

    /** An OIDC authorization request as a relying party makes it: code flow, PKCE S256, state and nonce. */
    record RpLogin(AuthenticationRequest request, CodeVerifier verifier) {
        static RpLogin of(String clientId, String callback) {
            return of("operator", clientId, callback);
        }

        static RpLogin of(String realm, String clientId, String callback) {
            CodeVerifier verifier = new CodeVerifier();
            AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                    new Scope("openid"), new ClientID(clientId), URI.create(callback))
                    .endpointURI(URI.create(keycloak.realmUrl(realm) + "/protocol/openid-connect/auth"))
                    .state(new State()).nonce(new Nonce())
                    .codeChallenge(verifier, CodeChallengeMethod.S256)
                    .build();
            return new RpLogin(request, verifier);
        }

        /** The relying party's back channel: code for tokens, ID token checked against the realm's JWKS. */
        JWTClaimsSet redeem(URI callback) throws Exception {
            AuthorizationResponse response = AuthorizationResponse.parse(callback);
            assertTrue(response.indicatesSuccess(), "authorization error: " + callback);
            assertEquals(request.getState(), response.getState());
            AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
            TokenResponse tokens = OIDCTokenResponseParser.parse(new TokenRequest(
                    URI.create(keycloak.realmUrl("operator") + "/protocol/openid-connect/token"),
                    new ClientSecretBasic(new ClientID("demo-rp"), new Secret("demo-rp-secret")),
                    new AuthorizationCodeGrant(code, request.getRedirectionURI(), verifier)).toHTTPRequest().send());
            assertTrue(tokens.indicatesSuccess(), () -> tokens.toErrorResponse().getErrorObject().toString());
            OIDCTokenResponse oidc = (OIDCTokenResponse) tokens.toSuccessResponse();
            IDTokenValidator validator = new IDTokenValidator(new Issuer(keycloak.realmUrl("operator")),
                    new ClientID("demo-rp"), JWSAlgorithm.RS256,
                    new URL(keycloak.realmUrl("operator") + "/protocol/openid-connect/certs"));
            validator.validate(oidc.getOIDCTokens().getIDToken(), request.getNonce());
            return oidc.getOIDCTokens().getIDToken().getJWTClaimsSet();
        }
    }

    @Test
    void subscriberLogsInToAnOidcSiteWithNoPasswordAndASecondLoginReusesKsNaf() throws Exception {
        DeviceState state = DeviceState.load(null);
        int znBefore = keycloak.events("operator", "CLIENT_LOGIN").size();

        RpLogin first = RpLogin.of("demo-rp", RP_CALLBACK);
        UaClient.Result result = device(state, K).login(first.request().toURI(),
                u -> u.toString().startsWith(RP_CALLBACK));
        assertTrue(result.nafAuthenticated(), "the NAF's rspauth was verified");
        JWTClaimsSet claims = first.redeem(result.finalRedirect());
        JsonNode alice = keycloak.admin("operator/users?username=alice&exact=true").get(0);
        assertEquals(alice.get("id").asText(), claims.getSubject());
        assertEquals("urn:3gpp:gba:ac:2006-10:GBAMobileMobile", claims.getStringClaim("acr"));
        assertEquals(List.of("sip:alice@operator.example", "tel:+15550100"), claims.getStringListClaim("impu"));
        assertEquals(znBefore + 1, keycloak.events("operator", "CLIENT_LOGIN").size(), "one Zn fetch");

        // A second login, new browser session (no SSO cookie), same bootstrap: Ks_NAF comes from the cache.
        RpLogin second = RpLogin.of("demo-rp", RP_CALLBACK);
        UaClient.Result again = device(state, K).login(second.request().toURI(),
                u -> u.toString().startsWith(RP_CALLBACK));
        assertEquals(1, again.gbaAnswers());
        assertEquals(alice.get("id").asText(), second.redeem(again.finalRedirect()).getSubject());
        assertEquals(znBefore + 1, keycloak.events("operator", "CLIENT_LOGIN").size(), "no second Zn fetch");
        JsonNode lastLogin = keycloak.events("operator", "LOGIN").stream()
                .filter(e -> "demo-rp".equals(e.path("clientId").asText())).findFirst().orElseThrow();
        assertEquals("cache", lastLogin.path("details").path("gba_key_source").asText());
    }

    @Test
    void wrongKIsRefusedAtBootstrapAndNoOneLogsIn() throws Exception {
        byte[] wrongK = K.clone();
        wrongK[0] ^= 1;
        RpLogin login = RpLogin.of("demo-rp", RP_CALLBACK);
        GbaClientException e = assertThrows(GbaClientException.class, () -> device(DeviceState.load(null), wrongK)
                .login(login.request().toURI(), u -> u.toString().startsWith(RP_CALLBACK)));
        assertTrue(e.getMessage().contains("AUTN does not verify"), e.getMessage());
    }

    @Test
    void deviceResynchronisesWhenItsSqnIsAhead() throws Exception {
        // The ISIM has accepted far more than the BSF has issued (e.g. after an HSS restore): Ub resynchronises.
        DeviceState state = DeviceState.load(null);
        state.update(Sqn.of(5000, 0), null);
        assertNotNull(device(state, K).bootstrap().btid());
        assertTrue(state.sqn().seq() > 5000, "SQN counted on from SQN_MS");
    }

    @Test
    void silentBsfGivesACleanPageAfterTheTimeout() throws Exception {
        DeviceState state = DeviceState.load(null);
        device(state, K).bootstrap();
        RpLogin login = RpLogin.of("naf-slow-bsf", "rp-slow-bsf", "https://slow.example/callback");
        long t0 = System.nanoTime();
        GbaClientException e = assertThrows(GbaClientException.class, () -> device(state, K)
                .login(login.request().toURI(), u -> u.toString().startsWith("https://slow.example/")));
        assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
        assertTrue(e.getMessage().contains("SIM sign-in is not available right now"), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 30, "bounded by the Zn timeout");
        assertTrue(keycloak.events("naf-slow-bsf", "LOGIN_ERROR").stream()
                .anyMatch(ev -> "gba_bsf_unavailable".equals(ev.path("error").asText())));
    }
}
