package org.ucdgba.gba.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A third-party site reduced to what a demonstration needs: it builds an OIDC authorization request (code flow,
 * PKCE S256, state), and redeems the code the device brings back for tokens. It prints claims; it does not verify
 * the ID token's signature (the integration tests do, with a real OIDC library), so it is not a relying party to
 * deploy.
 */
final class DemoRelyingParty {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ID_TOKEN = Pattern.compile("\"id_token\"\\s*:\\s*\"([A-Za-z0-9_\\-.]+)\"");

    private final URI issuer;
    private final String clientId;
    private final String clientSecret;
    private final String redirectUri;
    private final String verifier = random();
    private final String state = random();

    DemoRelyingParty(URI issuer, String clientId, String clientSecret, String redirectUri) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
    }

    URI authorizationUrl() {
        return URI.create(issuer + "/protocol/openid-connect/auth?response_type=code&scope=openid"
                + "&client_id=" + enc(clientId) + "&redirect_uri=" + enc(redirectUri) + "&state=" + state
                + "&code_challenge_method=S256&code_challenge=" + challenge(verifier));
    }

    /** Redeems the code of the callback and returns the ID token's claims as JSON text. */
    String redeem(URI callback, Duration timeout) throws GbaClientException {
        Map<String, String> params = query(callback);
        if (!state.equals(params.get("state")) || params.get("code") == null) {
            throw new GbaClientException("the callback carries no code for this request: " + callback);
        }
        String form = "grant_type=authorization_code&code=" + enc(params.get("code")) + "&redirect_uri="
                + enc(redirectUri) + "&code_verifier=" + verifier;
        String basic = Base64.getEncoder().encodeToString((enc(clientId) + ":" + enc(clientSecret))
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(issuer + "/protocol/openid-connect/token"))
                    .timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Basic " + basic)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GbaClientException("token endpoint unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GbaClientException("interrupted", e);
        }
        Matcher m = ID_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new GbaClientException("token request refused: HTTP " + response.statusCode() + " "
                    + response.body());
        }
        String[] parts = m.group(1).split("\\.");
        return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
