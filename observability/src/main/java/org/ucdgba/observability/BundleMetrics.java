package org.ucdgba.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.ucdgba.gba.core.EventDetails;

/**
 * The bundle's meters, counted from its events (so every outcome the operator can read in the event log is a
 * meter too, under the same error code), in Micrometer's global registry, which Keycloak exposes at its metrics
 * endpoint ({@code --metrics-enabled=true}, management port, {@code /metrics}):
 * <ul>
 *   <li>{@value #BOOTSTRAPS}: Ub runs at the BSF by {@code outcome} ({@code success} or the event error);</li>
 *   <li>{@value #ZN_ANSWERS}: Zn requests the BSF answered, by {@code outcome};</li>
 *   <li>{@value #UA_LOGINS}: GBA logins at the NAF by {@code outcome} and {@code key_source} ({@code cache}: a
 *   Ks_NAF cache hit, {@code zn}: fetched from the BSF, {@code none});</li>
 *   <li>{@value #ZN_DURATION}: the NAF's Zn requests and their latency, by {@code outcome};</li>
 *   <li>{@value #FEDERATIONS}: ID-FF federations made ({@code link}) and ended ({@code unlink}), by
 *   {@code outcome}.</li>
 * </ul>
 * Every meter has a {@code realm} tag. Tag values are event types, realm names and the bundle's or Keycloak's
 * error codes: a bounded set no client chooses.
 */
final class BundleMetrics {

    static final String BOOTSTRAPS = "ucdgba.bsf.bootstraps";
    static final String ZN_ANSWERS = "ucdgba.bsf.zn.requests";
    static final String UA_LOGINS = "ucdgba.naf.logins";
    static final String ZN_DURATION = "ucdgba.naf.zn.duration";
    static final String FEDERATIONS = "ucdgba.federation.changes";
    /** The BSF's auth_method details (UbEndpoint, ZnEndpoint). */
    private static final String UB = "gba-ub";
    private static final String ZN = "gba-zn";

    private final MeterRegistry registry;

    BundleMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Meters in Keycloak's registry. */
    static BundleMetrics global() {
        return new BundleMetrics(Metrics.globalRegistry);
    }

    void count(Event event) {
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        String realm = String.valueOf(event.getRealmName());
        String outcome = event.getError() == null ? "success" : event.getError();
        String method = details.get(Details.AUTH_METHOD);
        if (UB.equals(method)) {
            counter(BOOTSTRAPS, "realm", realm, "outcome", outcome).increment();
        } else if (ZN.equals(method)) {
            counter(ZN_ANSWERS, "realm", realm, "outcome", outcome).increment();
        } else if (isUaLogin(event, details)) {
            counter(UA_LOGINS, "realm", realm, "outcome", outcome, "key_source",
                    details.getOrDefault(EventDetails.KEY_SOURCE, "none")).increment();
            znMillis(details).ifPresent(millis -> Timer.builder(ZN_DURATION)
                    .description("the NAF's Zn requests to the BSF")
                    .tags("realm", realm, "outcome", details.getOrDefault(EventDetails.ZN_OUTCOME, outcome))
                    .register(registry).record(Duration.ofMillis(millis)));
        } else if (isFederation(event, details)) {
            String change = event.getType().name().startsWith("REMOVE") ? "unlink" : "link";
            counter(FEDERATIONS, "realm", realm, "change", change, "outcome", outcome).increment();
        }
    }

    /** A login at the NAF: it names a B-TID, or it failed with one of the NAF's errors. */
    private static boolean isUaLogin(Event event, Map<String, String> details) {
        boolean login = event.getType() == EventType.LOGIN || event.getType() == EventType.LOGIN_ERROR;
        return login && (details.containsKey(EventDetails.BTID)
                || event.getError() != null && event.getError().startsWith("gba_"));
    }

    /** A federation change: Keycloak's link and unlink events that carry an ID-FF name identifier. */
    private static boolean isFederation(Event event, Map<String, String> details) {
        String type = event.getType().name();
        return (type.startsWith("FEDERATED_IDENTITY_LINK") || type.startsWith("REMOVE_FEDERATED_IDENTITY"))
                && details.keySet().stream().anyMatch(k -> k.startsWith("liberty_"));
    }

    private static Optional<Long> znMillis(Map<String, String> details) {
        try {
            return Optional.ofNullable(details.get(EventDetails.ZN_MILLIS)).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Counter counter(String name, String... tags) {
        return Counter.builder(name).tags(tags).register(registry);
    }
}
