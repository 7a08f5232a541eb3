package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.URI;
import java.net.URL;

/**
 * A third-party site speaking OIDC through the Nimbus SDK: an authorization request (code flow, PKCE S256, state
 * and nonce), and the back channel that redeems the code and checks the ID token against the realm's JWKS.
 */
record OidcSite(String realmUrl, String clientId, AuthenticationRequest request, CodeVerifier verifier) {

    static OidcSite of(KeycloakServer keycloak, String clientId, String callback) {
        return of(keycloak, "operator", clientId, callback);
    }

    static OidcSite of(KeycloakServer keycloak, String realm, String clientId, String callback) {
        return at(keycloak.realmUrl(realm), clientId, callback);
    }

    /** A site of the realm at this URL (a cluster's public URL, say). */
    static OidcSite at(String realmUrl, String clientId, String callback) {
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid"), new ClientID(clientId), URI.create(callback))
                .endpointURI(URI.create(realmUrl + "/protocol/openid-connect/auth"))
                .state(new State()).nonce(new Nonce())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        return new OidcSite(realmUrl, clientId, request, verifier);
    }

    /** Redeems the code of the callback (client secret "demo-rp-secret") and validates the ID token. */
    JWTClaimsSet redeem(URI callback) throws Exception {
        return tokens(callback).getIDToken().getJWTClaimsSet();
    }

    /** The same, answering the tokens (the access token for the Account Console's API, say). */
    OIDCTokens tokens(URI callback) throws Exception {
        AuthorizationResponse response = AuthorizationResponse.parse(callback);
        assertTrue(response.indicatesSuccess(), "authorization error: " + callback);
        assertEquals(request.getState(), response.getState());
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        TokenResponse tokens = OIDCTokenResponseParser.parse(new TokenRequest(
                URI.create(realmUrl + "/protocol/openid-connect/token"),
                new ClientSecretBasic(new ClientID(clientId), new Secret("demo-rp-secret")),
                new AuthorizationCodeGrant(code, request.getRedirectionURI(), verifier)).toHTTPRequest().send());
        assertTrue(tokens.indicatesSuccess(), () -> tokens.toErrorResponse().getErrorObject().toString());
        OIDCTokenResponse oidc = (OIDCTokenResponse) tokens.toSuccessResponse();
        IDTokenValidator validator = new IDTokenValidator(new Issuer(realmUrl),
                new ClientID(clientId), JWSAlgorithm.RS256,
                new URL(realmUrl + "/protocol/openid-connect/certs"));
        validator.validate(oidc.getOIDCTokens().getIDToken(), request.getNonce());
        return oidc.getOIDCTokens();
    }
}
