package org.ucdgba.gba.naf;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;
import org.ucdgba.gba.core.EventDetails;
import org.ucdgba.gba.core.StoreKey;
import org.ucdgba.gba.core.bootstrap.BTid;
import org.ucdgba.gba.core.digest.DigestAlgorithm;
import org.ucdgba.gba.core.digest.DigestCalculator;
import org.ucdgba.gba.core.digest.DigestException;
import org.ucdgba.gba.core.digest.DigestHeader;
import org.ucdgba.gba.core.digest.DigestInput;
import org.ucdgba.gba.core.kdf.NafId;
import org.ucdgba.gba.core.zn.ZnClient;
import org.ucdgba.gba.core.zn.ZnException;
import org.ucdgba.gba.core.zn.ZnSoapClient;

/**
 * The NAF of TS 33.220 inside a Keycloak browser flow: HTTP Digest over Ua (TS 24.109 clause 5.2). A device that
 * announces {@code 3gpp-gba} in its User-Agent gets a 401 with realm {@code 3GPP-bootstrapping@<NAF FQDN>}; it
 * answers with username = B-TID and password = base64(Ks_NAF); the NAF fetches Ks_NAF over Zn (or its cache),
 * verifies, maps the subscriber to a realm user and answers with {@code Authentication-Info} rspauth, so the device
 * authenticates the NAF too. A device without GBA is passed on ({@code attempted}) to the flow's next alternative;
 * the 401's HTML body offers the same way out to a person. Stateless: one shared instance.
 */
final class GbaAuthenticator implements Authenticator {

    /** The User-Agent token of a GBA-capable device (TS 24.109 clause 5.2.1). */
    static final String GBA_TOKEN = "3gpp-gba";
    /** User session notes read by the protocol mappers. */
    static final String NOTE_ACR = "gba.acr";
    static final String NOTE_IMPU = "gba.impu";
    static final String NOTE_BTID = "gba.btid";

    private static final Logger LOG = Logger.getLogger(GbaAuthenticator.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DigestCalculator MD5 = new DigestCalculator(DigestAlgorithm.MD5);
    private static final String TEMPLATE = "gba-login.ftl";
    private static final long NONCE_LIFETIME_SECONDS = 120;

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        String authorization = header(context, HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, DigestHeader.SCHEME, 0, 6)) {
            verify(context, authorization);
            return;
        }
        String userAgent = header(context, HttpHeaders.USER_AGENT);
        if (userAgent == null || !userAgent.toLowerCase(Locale.ROOT).contains(GBA_TOKEN)) {
            // A device without GBA: let the flow go on to another authenticator (SPNEGO does the same).
            context.attempted();
            return;
        }
        GbaAuthenticatorConfig config = config(context);
        Optional<String> problem = config.problem();
        if (problem.isPresent()) {
            // Misconfigured: do not challenge with a realm whose answer could not be verified; say why, and let the
            // flow go on to the next alternative.
            LOG.warnf("GBA authenticator of realm %s skipped: %s", context.getRealm().getName(), problem.get());
            context.getEvent().clone().event(EventType.LOGIN_ERROR).detail(Details.REASON, problem.get())
                    .error(GbaError.NOT_CONFIGURED.event);
            context.attempted();
            return;
        }
        context.challenge(page(context, Response.Status.UNAUTHORIZED, null, config.nafId()));
    }

    /** The 401 page's "sign in another way" form posts here; a Digest answer by POST is verified too. */
    @Override
    public void action(AuthenticationFlowContext context) {
        String authorization = header(context, HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, DigestHeader.SCHEME, 0, 6)) {
            verify(context, authorization);
            return;
        }
        context.attempted();
    }

    private void verify(AuthenticationFlowContext context, String authorization) {
        GbaAuthenticatorConfig config = config(context);
        ZnClient zn;
        try {
            Optional<String> problem = config.problem();
            if (problem.isPresent()) {
                throw new IllegalArgumentException(problem.get());
            }
            zn = new ZnSoapClient(config.znUrl(), config.znClientId(), config.znClientSecret(), config.znTimeout());
        } catch (IllegalArgumentException e) {
            LOG.warnf("GBA authenticator of realm %s is not usable: %s", context.getRealm().getName(),
                    e.getMessage());
            fail(context, GbaError.NOT_CONFIGURED, null, e.getMessage());
            return;
        }
        NafId nafId = config.nafId();
        DigestHeader digest;
        DigestInput input;
        BTid btid;
        try {
            digest = DigestHeader.parse(authorization, true);
            if (!nafId.digestRealm().equals(digest.require("realm"))
                    || DigestAlgorithm.fromToken(digest.get("algorithm")) != DigestAlgorithm.MD5
                    || !requestUri(context).equals(digest.require("uri"))) {
                throw new DigestException("realm, algorithm or uri do not match the challenge");
            }
            String qop = digest.require("qop");
            if (!DigestCalculator.AUTH.equals(qop) && !DigestCalculator.AUTH_INT.equals(qop)) {
                throw new DigestException("qop must be auth or auth-int");
            }
            if (DigestCalculator.AUTH_INT.equals(qop) && !"GET".equals(context.getHttpRequest().getHttpMethod())) {
                throw new DigestException("auth-int is supported for GET requests only");
            }
            btid = new BTid(digest.require("username"));
            input = new DigestInput(btid.value(), digest.require("realm"), null, digest.require("nonce"),
                    digest.require("uri"), qop, digest.require("nc"), digest.require("cnonce"));
        } catch (DigestException | IllegalArgumentException e) {
            fail(context, GbaError.MALFORMED, nafId, e.getMessage());
            return;
        }
        context.getEvent().detail(EventDetails.BTID, btid.value());
        if (!takeNonce(context, input.nonce())) {
            fail(context, GbaError.INVALID_NONCE, nafId);
            return;
        }
        NafKeys keys = new NafKeys(context.getSession(), context.getRealm().getId());
        NafKeys.NafKey key;
        try {
            key = keys.get(btid, nafId, zn, config.cacheKeys(), context.getEvent());
        } catch (ZnException e) {
            fail(context, switch (e.reason()) {
                case UNKNOWN_BTID -> GbaError.UNKNOWN_BTID;
                case UNAVAILABLE -> GbaError.BSF_UNAVAILABLE;
                case NAF_NOT_AUTHORIZED, PROTOCOL -> GbaError.ZN_REFUSED;
            }, nafId, e.getMessage());
            return;
        }
        context.getEvent().detail(EventDetails.KEY_SOURCE, key.source().name().toLowerCase(Locale.ROOT));
        // TS 24.109 clause 5.2.2: password = base64(Ks_NAF).
        DigestInput withPassword = new DigestInput(input.username(), input.realm(),
                Base64.getEncoder().encodeToString(key.ksNaf()).getBytes(StandardCharsets.US_ASCII), input.nonce(),
                input.uri(), input.qop(), input.nc(), input.cnonce());
        SubscriberMapper mapper = new SubscriberMapper(context.getSession(), context.getRealm(), config);
        Optional<UserModel> linked = mapper.find(key.impi(), key.impus(), key.userId());
        if (config.cacheKeys()) {
            keys.keep(btid, nafId, key, linked.map(UserModel::getId).orElse(null));
        }
        // A user locked by Keycloak's brute-force detector is refused before the answer is even looked at.
        String lockout = linked.map(u -> AuthenticatorUtils.getDisabledByBruteForceEventError(context, u))
                .orElse(null);
        if (lockout != null) {
            context.getEvent().user(linked.get());
            fail(context, GbaError.USER_LOCKED, nafId, lockout);
            return;
        }
        String expected = MD5.response(withPassword, context.getHttpRequest().getHttpMethod(), new byte[0]);
        if (!DigestCalculator.matches(expected, digest.get("response"))) {
            linked.ifPresent(u -> {
                context.getEvent().user(u);
                countFailure(context, u);
            });
            fail(context, GbaError.INVALID_RESPONSE, nafId);
            return;
        }
        Optional<UserModel> user = mapper.map(linked, key.impi(), key.impus());
        if (user.isEmpty()) {
            context.getEvent().detail(Details.USERNAME, key.impi());
            fail(context, GbaError.NOT_LINKED, nafId);
            return;
        }
        context.getEvent().user(user.get());
        if (!user.get().isEnabled()) {
            fail(context, GbaError.USER_DISABLED, nafId);
            return;
        }
        context.setUser(user.get());
        context.getAuthenticationSession().setUserSessionNote(NOTE_ACR, config.acr());
        context.getAuthenticationSession().setUserSessionNote(NOTE_BTID, btid.value());
        context.getAuthenticationSession().setUserSessionNote(NOTE_IMPU, joinImpus(key.impus()));
        Map<String, String> info = new LinkedHashMap<>();
        info.put("qop", input.qop());
        // The success response is Keycloak's redirect, which has no body: auth-int covers the empty entity.
        info.put("rspauth", MD5.rspauth(withPassword, new byte[0]));
        info.put("cnonce", input.cnonce());
        info.put("nc", input.nc());
        context.getSession().getContext().getHttpResponse()
                .addHeader("Authentication-Info", DigestHeader.of(info).formatDirectives());
        context.success();
    }

    /**
     * A wrong Digest answer for a mapped user counts in Keycloak's brute-force detector, as a wrong password does.
     * The detector filters by credential category (password, otp, recovery codes) and counts every failure when
     * given none; GBA's shared-key proof has no category of its own there.
     */
    private static void countFailure(AuthenticationFlowContext context, UserModel user) {
        if (context.getRealm().isBruteForceProtected()) {
            context.getSession().getProvider(BruteForceProtector.class).failedLogin(context.getRealm(), user,
                    context.getConnection(), context.getUriInfo(), null);
        }
    }

    private void fail(AuthenticationFlowContext context, GbaError error, NafId nafId, String reason) {
        context.getEvent().detail(Details.REASON, reason);
        fail(context, error, nafId);
    }

    /** An event for the operator, and for the device and the person a page with the error's status. */
    private void fail(AuthenticationFlowContext context, GbaError error, NafId nafId) {
        context.getEvent().error(error.event);
        context.failureChallenge(error.flowError, page(context, error.status, error.message,
                error.rechallenge ? nafId : null));
    }

    /** The page a person sees, with a fresh Digest challenge for the device when a NAF_Id is given. */
    private Response page(AuthenticationFlowContext context, Response.Status status, String error,
                          NafId challengeFor) {
        var form = context.form().setStatus(status);
        if (error != null) {
            form.setError(error);
        }
        if (challengeFor != null) {
            form.setResponseHeader(HttpHeaders.WWW_AUTHENTICATE, challengeHeader(context, challengeFor));
        }
        return form.createForm(TEMPLATE);
    }

    /** WWW-Authenticate for Ua (TS 24.109 clause 5.2.2); the nonce is bound to this authentication session. */
    private String challengeHeader(AuthenticationFlowContext context, NafId nafId) {
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        context.getSession().singleUseObjects().put(nonceKey(context, nonce), NONCE_LIFETIME_SECONDS,
                Map.of("root", context.getAuthenticationSession().getParentSession().getId()));
        Map<String, String> d = new LinkedHashMap<>();
        d.put("realm", nafId.digestRealm());
        d.put("nonce", nonce);
        d.put("algorithm", DigestAlgorithm.MD5.token());
        d.put("qop", DigestCalculator.AUTH_INT + "," + DigestCalculator.AUTH);
        return DigestHeader.of(d).formatChallenge();
    }

    /** Removes the nonce: it verifies once, and only for the authentication session it was issued to. */
    private static boolean takeNonce(AuthenticationFlowContext context, String nonce) {
        Map<String, String> notes = context.getSession().singleUseObjects().remove(nonceKey(context, nonce));
        return notes != null
                && context.getAuthenticationSession().getParentSession().getId().equals(notes.get("root"));
    }

    private static String nonceKey(AuthenticationFlowContext context, String nonce) {
        return StoreKey.of("gba-ua-nonce", context.getRealm().getId(), nonce);
    }

    private static String requestUri(AuthenticationFlowContext context) {
        URI uri = context.getUriInfo().getRequestUri();
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /** This NAF's NAF_Id, or empty (logged) when the settings do not make one. */
    private static GbaAuthenticatorConfig config(AuthenticationFlowContext context) {
        return new GbaAuthenticatorConfig(context.getAuthenticatorConfig(), context.getUriInfo().getBaseUri().getHost());
    }

    private static String header(AuthenticationFlowContext context, String name) {
        return context.getHttpRequest().getHttpHeaders().getHeaderString(name);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }

    /** IMPUs in one note, one per line: a line break cannot occur in a SIP or tel URI, a comma can. */
    static String joinImpus(List<String> impus) {
        return String.join("\n", impus);
    }

    static List<String> impus(String note) {
        return note == null || note.isEmpty() ? List.of() : List.of(note.split("\n"));
    }
}
