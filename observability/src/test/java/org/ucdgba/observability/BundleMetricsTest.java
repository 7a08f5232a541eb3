package org.ucdgba.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;

class BundleMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BundleMetrics metrics = new BundleMetrics(registry);

    private static Event event(EventType type, String error, Map<String, String> details) {
        Event event = new Event();
        event.setType(type);
        event.setRealmName("operator");
        event.setError(error);
        event.setDetails(new HashMap<>(details));
        return event;
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void bootstrapsAndZnAnswersByOutcome() {
        metrics.count(event(EventType.LOGIN, null, Map.of("auth_method", "gba-ub")));
        metrics.count(event(EventType.LOGIN_ERROR, "gba_invalid_response", Map.of("auth_method", "gba-ub")));
        metrics.count(event(EventType.CLIENT_LOGIN, null, Map.of("auth_method", "gba-zn")));
        assertEquals(1, count(BundleMetrics.BOOTSTRAPS, "realm", "operator", "outcome", "success"));
        assertEquals(1, count(BundleMetrics.BOOTSTRAPS, "outcome", "gba_invalid_response"));
        assertEquals(1, count(BundleMetrics.ZN_ANSWERS, "outcome", "success"));
    }

    @Test
    void uaLoginsByOutcomeAndKeySourceWithZnLatency() {
        metrics.count(event(EventType.LOGIN, null, Map.of("gba_btid", "b@bsf", "gba_key_source", "zn",
                "gba_zn_millis", "42", "gba_zn_outcome", "success")));
        metrics.count(event(EventType.LOGIN, null, Map.of("gba_btid", "b@bsf", "gba_key_source", "cache")));
        metrics.count(event(EventType.LOGIN_ERROR, "gba_not_configured", Map.of("reason", "Zn client id is not set")));
        metrics.count(event(EventType.LOGIN, null, Map.of("auth_method", "openid-connect")));
        assertEquals(1, count(BundleMetrics.UA_LOGINS, "outcome", "success", "key_source", "zn"));
        assertEquals(1, count(BundleMetrics.UA_LOGINS, "outcome", "success", "key_source", "cache"));
        assertEquals(1, count(BundleMetrics.UA_LOGINS, "outcome", "gba_not_configured", "key_source", "none"));
        assertEquals(3, registry.get(BundleMetrics.UA_LOGINS).counters().stream().mapToDouble(c -> c.count()).sum(),
                "a password login is not a GBA login");
        assertEquals(1, registry.get(BundleMetrics.ZN_DURATION).timer().count());
        assertEquals(42, registry.get(BundleMetrics.ZN_DURATION).timer().totalTime(TimeUnit.MILLISECONDS));
    }

    @Test
    void federationChangesOnlyWithALibertyName() {
        metrics.count(event(EventType.FEDERATED_IDENTITY_LINK, null, Map.of("liberty_master_name_id", "bob")));
        metrics.count(event(EventType.REMOVE_FEDERATED_IDENTITY, null, Map.of("liberty_named", "bob")));
        metrics.count(event(EventType.FEDERATED_IDENTITY_LINK, null, Map.of("identity_provider", "google")));
        assertEquals(1, count(BundleMetrics.FEDERATIONS, "change", "link"));
        assertEquals(1, count(BundleMetrics.FEDERATIONS, "change", "unlink"));
        assertNull(registry.find(BundleMetrics.BOOTSTRAPS).counter());
    }
}
