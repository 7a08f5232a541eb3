package org.ucdgba.benchmarks.load;

import java.io.IOException;
import java.net.URI;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ucdgba.gba.client.BrowserCookies;
import org.ucdgba.gba.client.Device;

/**
 * A browser without GBA support and a relying party in one: it starts the OpenID Connect code flow (PKCE S256) at a
 * realm, signs in with a password on Keycloak's form or by Keycloak's SSO cookie, and redeems the code at the token
 * endpoint, as every operation of the driver ends. Cookies are kept per instance as a browser keeps them on
 * loopback (Keycloak's session cookies are Secure), and connections are kept alive, as a browser keeps them.
 */
final class Browser {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Target target;
    private final BrowserCookies cookies = new BrowserCookies();
    private final HttpClient http;

    Browser(Target target) {
        this.target = target;
        this.http = Device.http(cookies, Duration.ofSeconds(10));
    }

    /** Forgets this browser's cookies, and so its Keycloak session; its connections stay open. */
    void forgetCookies() {
        cookies.clear();
    }

    /** An authorization request of the relying party and its PKCE verifier. */
    record Authorization(URI uri, String verifier) {
    }

    /** A new authorization request. */
    Authorization authorization() {
        byte[] v = new byte[32];
        RANDOM.nextBytes(v);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(v);
        String challenge;
        try {
            challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        URI uri = URI.create(target.realmUrl() + "/protocol/openid-connect/auth?response_type=code&scope=openid"
                + "&client_id=" + enc(target.client()) + "&redirect_uri=" + enc(target.callback())
                + "&state=" + Long.toHexString(RANDOM.nextLong()) + "&code_challenge_method=S256&code_challenge="
                + challenge);
        return new Authorization(uri, verifier);
    }

    /** (a) A password login on Keycloak's form, the code redeemed. */
    void passwordLogin(String user, String password) throws IOException, InterruptedException {
        Authorization a = authorization();
        HttpResponse<String> page = get(a.uri());
        Matcher m = FORM_ACTION.matcher(page.body());
        if (page.statusCode() != 200 || !m.find()) {
            throw new IOException("no login form (HTTP " + page.statusCode() + ")");
        }
        URI action = URI.create(m.group(1).replace("&amp;", "&"));
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(action).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password)
                        + "&credentialId=")).build(), HttpResponse.BodyHandlers.ofString());
        redeem(callback(done), a.verifier());
    }

    /** (s) A login by Keycloak's SSO cookie of an earlier login of this browser, the code redeemed. */
    void cookieLogin() throws IOException, InterruptedException {
        Authorization a = authorization();
        redeem(callback(get(a.uri())), a.verifier());
    }

    /** Redeems a code at the token endpoint; an {@link IOException} unless tokens come back. */
    void redeem(URI callback, String verifier) throws IOException, InterruptedException {
        String query = callback.getRawQuery() == null ? "" : callback.getRawQuery();
        Matcher m = Pattern.compile("(?:^|&)code=([^&]+)").matcher(query);
        if (!m.find()) {
            throw new IOException("no code in " + callback);
        }
        HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(URI.create(target.realmUrl()
                        + "/protocol/openid-connect/token")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic(target.client(), target.clientSecret()))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + m.group(1)
                        + "&redirect_uri=" + enc(target.callback()) + "&code_verifier=" + verifier)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (tokens.statusCode() != 200 || !tokens.body().contains("\"access_token\"")) {
            throw new IOException("token endpoint answered HTTP " + tokens.statusCode());
        }
    }

    /** (e) A client-credentials grant. */
    void clientCredentials(String client, String secret) throws IOException, InterruptedException {
        HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(URI.create(target.realmUrl()
                        + "/protocol/openid-connect/token")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization",
                        basic(client, secret))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (tokens.statusCode() != 200 || !tokens.body().contains("\"access_token\"")) {
            throw new IOException("client credentials answered HTTP " + tokens.statusCode());
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("User-Agent", "Mozilla/5.0 (ucdgba load driver)").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The relying party's callback a response redirects to. */
    private URI callback(HttpResponse<String> r) throws IOException {
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || !location.startsWith(target.callback())) {
            throw new IOException("no redirect to the callback (HTTP " + r.statusCode() + ")");
        }
        return URI.create(location);
    }

    static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((enc(user) + ":" + enc(secret))
                .getBytes(StandardCharsets.UTF_8));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
