package org.ucdgba.federation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.ucdgba.federation.store.FederationStore;

/**
 * The federation's gauge on Keycloak's metrics endpoint: {@value #PENDING}, the terminations queued in the
 * {@link TerminationOutbox} for partners not reached yet, counted in the database when the endpoint is scraped.
 * Every node of a cluster shows the same number (take the maximum, not the sum). Its growth means a partner has been
 * down for a while; the outbox gives each termination up after its last attempt.
 */
final class FederationMeters {

    static final String PENDING = "ucdgba.federation.terminations.pending";

    private FederationMeters() {
    }

    /** Registers the gauge in Keycloak's registry (Micrometer's global one) when the server has started. */
    static void register(KeycloakSessionFactory factory) {
        register(factory, Metrics.globalRegistry);
    }

    static void register(KeycloakSessionFactory factory, MeterRegistry registry) {
        Gauge.builder(PENDING, factory, f -> KeycloakModelUtils.runJobInTransactionWithResult(f,
                        s -> s.getProvider(FederationStore.class).pendingTerminations()))
                .description("ID-FF federation terminations queued for partners not reached yet")
                .register(registry);
    }
}
