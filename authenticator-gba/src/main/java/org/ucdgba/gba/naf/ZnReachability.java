package org.ucdgba.gba.naf;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.ucdgba.io.BoundedHttp;
import org.ucdgba.io.RefusedInput;

/**
 * Whether each NAF of this server reaches its BSF's Zn endpoint: every {@value GbaAuthenticatorFactory#PROVIDER_ID}
 * execution with settings, in every realm: settings the NAF could not work with are a problem as at login
 * ({@link GbaAuthenticatorConfig#problem()}), else one bounded GET probes the endpoint (any HTTP answer means the
 * BSF is there; Zn itself takes only POST). Read in one transaction, probed after it, so that no connection is held while waiting.
 */
final class ZnReachability {

    /** Bound on one probe, connection to last byte. */
    static final Duration DEADLINE = Duration.ofSeconds(2);

    /** One NAF's Zn endpoint and what the probe found (empty: reachable). */
    record Probe(String realm, String naf, String znUrl, Optional<String> problem) {
    }

    private ZnReachability() {
    }

    static List<Probe> probe(KeycloakSessionFactory factory) {
        List<Naf> nafs = new ArrayList<>();
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.realms().getRealmsStream()
                .forEach(realm -> nafs.addAll(nafsOf(realm))));
        return nafs.stream().map(n -> new Probe(n.realm(), n.alias(), n.config().znUrlText(),
                n.config().problem().or(() -> unreachable(n.config().znUrl())))).toList();
    }

    /** A NAF's settings, read in the transaction. */
    record Naf(String realm, String alias, GbaAuthenticatorConfig config) {
    }

    private static List<Naf> nafsOf(RealmModel realm) {
        return nafsOf(realm, "localhost");
    }

    /**
     * The NAFs of a realm: each {@value GbaAuthenticatorFactory#PROVIDER_ID} execution with settings; a NAF with no
     * FQDN of its own takes {@code host}, as a login takes the host the device used.
     */
    static List<Naf> nafsOf(RealmModel realm, String host) {
        return realm.getAuthenticationFlowsStream()
                .flatMap(flow -> realm.getAuthenticationExecutionsStream(flow.getId()))
                .filter(e -> GbaAuthenticatorFactory.PROVIDER_ID.equals(e.getAuthenticator())
                        && e.getAuthenticatorConfig() != null)
                .map(e -> realm.getAuthenticatorConfigById(e.getAuthenticatorConfig()))
                .filter(config -> config != null)
                .map(config -> new Naf(realm.getName(), config.getAlias(),
                        new GbaAuthenticatorConfig(config, host)))
                .toList();
    }

    /** Empty when the BSF answers a GET at the Zn endpoint (with any status), else why not. */
    private static Optional<String> unreachable(URI zn) {
        try {
            BoundedHttp.send(HttpRequest.newBuilder(zn).timeout(DEADLINE).GET().build(), DEADLINE, 4096);
            return Optional.empty();
        } catch (HttpTimeoutException e) {
            return Optional.of("no answer within " + DEADLINE.toMillis() + " ms");
        } catch (RefusedInput e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("unreachable (" + e.getClass().getSimpleName() + ")");
        }
    }
}
