package org.ucdgba.gba.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.ucdgba.gba.core.digest.DigestException;
import org.ucdgba.gba.core.digest.DigestHeader;
import org.ucdgba.gba.core.kdf.NafId;
import org.ucdgba.gba.core.kdf.UaSecurityProtocolId;

/**
 * The UE as a user agent on Ua (TS 24.109 clause 5.2): follows redirects from a relying party's authorization URL,
 * answers a NAF's challenge with realm {@code 3GPP-bootstrapping@<FQDN>} using username = B-TID and
 * password = base64(Ks_NAF), checks the NAF's rspauth (mutual authentication), bootstraps again once when the NAF
 * says the B-TID is unknown, and stops at the first redirect the caller recognises (e.g. the OIDC callback).
 * Cookies are kept in the given HTTP client.
 */
public final class UaClient {

    /** User-Agent announcing GBA support (TS 24.109 clause 5.2.1). */
    public static final String USER_AGENT = "ucdgba-device/0.1 3gpp-gba";
    private static final int MAX_STEPS = 20;

    private final HttpClient http;
    private final Duration timeout;
    private final UaSecurityProtocolId uaProtocol;

    /** Supplies a valid bootstrap, running Ub when there is none or when {@code renew} is set. */
    @FunctionalInterface
    public interface Bootstrapper {
        /** A bootstrap that has not expired; a new one when there is none, it expired, or {@code renew}. */
        Bootstrap get(boolean renew) throws GbaClientException;
    }

    /**
     * What the person does on a page that is neither a GBA challenge nor a redirect, such as a confirmation: the
     * request that submits it, or empty to stop the login there.
     */
    @FunctionalInterface
    public interface PageHandler {
        /** The next request for the page at {@code uri}. */
        Optional<HttpRequest.Builder> onPage(URI uri, String body);
    }

    /** The outcome of a login. */
    public record Result(URI finalRedirect, boolean nafAuthenticated, int gbaAnswers) {
    }

    /** A client with an HTTP client that keeps cookies and does not follow redirects itself. */
    public UaClient(HttpClient http, Duration timeout, UaSecurityProtocolId uaProtocol) {
        this.http = http;
        this.timeout = timeout;
        this.uaProtocol = uaProtocol;
    }

    /** Follows {@code start} until a redirect that {@code stop} accepts; stops at any other page. */
    public Result login(URI start, Predicate<URI> stop, Bootstrapper bootstrapper) throws GbaClientException {
        return login(start, stop, bootstrapper, (uri, body) -> Optional.empty());
    }

    /** Follows {@code start} until a redirect that {@code stop} accepts, letting {@code person} handle pages. */
    public Result login(URI start, Predicate<URI> stop, Bootstrapper bootstrapper, PageHandler person)
            throws GbaClientException {
        URI uri = start;
        boolean renewed = false;
        boolean authenticated = false;
        int answers = 0;
        HttpResponse<byte[]> response = send(uri, null);
        for (int step = 0; step < MAX_STEPS; step++) {
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                URI next = uri.resolve(response.headers().firstValue("Location")
                        .orElseThrow(() -> new GbaClientException("redirect without Location")));
                if (stop.test(next)) {
                    return new Result(next, authenticated, answers);
                }
                uri = next;
                response = send(uri, null);
                continue;
            }
            DigestHeader challenge = gbaChallenge(response);
            Optional<HttpRequest.Builder> next = status == 200 && challenge == null
                    ? person.onPage(uri, new String(response.body(), StandardCharsets.UTF_8)) : Optional.empty();
            if (next.isPresent()) {
                HttpRequest request = next.get().timeout(timeout).header("User-Agent", USER_AGENT).build();
                uri = request.uri();
                response = send(request);
                continue;
            }
            if (status != 401 || challenge == null) {
                throw new GbaClientException("login stopped at HTTP " + status + " on " + uri + " without a GBA "
                        + "challenge or a redirect" + pageText(response));
            }
            String fqdn = challenge.require("realm").substring(NafId.DIGEST_REALM_PREFIX.length());
            if (!fqdn.equalsIgnoreCase(uri.getHost())) {
                throw new GbaClientException("the NAF names itself " + fqdn + " but was reached as " + uri.getHost());
            }
            boolean bootstrapAgain = answers > 0 && !renewed;
            if (answers > 0 && !bootstrapAgain) {
                throw new GbaClientException("the NAF refused the GBA answer" + pageText(response));
            }
            renewed |= bootstrapAgain;
            Bootstrap bootstrap = bootstrapper.get(bootstrapAgain);
            byte[] ksNaf = bootstrap.ksNaf(new NafId(uri.getHost(), uaProtocol));
            String password = Base64.getEncoder().encodeToString(ksNaf);
            DigestAnswer answer = DigestAnswer.to(challenge, bootstrap.btid().value(),
                    password.getBytes(StandardCharsets.US_ASCII), requestUri(uri));
            response = send(uri, answer.authorization("GET", new byte[0]));
            answers++;
            if (response.statusCode() == 401 && gbaChallenge(response) != null) {
                continue;
            }
            if (response.statusCode() >= 400) {
                throw new GbaClientException("the NAF refused the GBA answer: HTTP " + response.statusCode()
                        + pageText(response));
            }
            if (!answer.serverAuthenticated(response.headers().firstValue("Authentication-Info").orElse(null),
                    response.body())) {
                throw new GbaClientException("the NAF's rspauth does not verify: it does not hold Ks_NAF");
            }
            authenticated = true;
        }
        throw new GbaClientException("too many steps without reaching the relying party");
    }

    private static DigestHeader gbaChallenge(HttpResponse<byte[]> response) {
        for (String value : response.headers().allValues("WWW-Authenticate")) {
            try {
                DigestHeader h = DigestHeader.parse(value, true);
                if (h.get("realm") != null && h.get("realm").startsWith(NafId.DIGEST_REALM_PREFIX)) {
                    return h;
                }
            } catch (DigestException e) {
                // another scheme: not ours
            }
        }
        return null;
    }

    private HttpResponse<byte[]> send(URI uri, String authorization) throws GbaClientException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build());
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws GbaClientException {
        URI uri = request.uri();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new GbaClientException("cannot reach " + uri.getHost() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GbaClientException("interrupted", e);
        }
    }

    private static String requestUri(URI uri) {
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /** The message of a Keycloak error page, so that the device can say why. */
    private static String pageText(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        int alert = body.toLowerCase(Locale.ROOT).indexOf("kc-feedback-text");
        int gt = alert < 0 ? -1 : body.indexOf('>', alert);
        int lt = gt < 0 ? -1 : body.indexOf('<', gt);
        return lt > gt + 1 ? ": " + body.substring(gt + 1, lt).strip() : "";
    }
}
