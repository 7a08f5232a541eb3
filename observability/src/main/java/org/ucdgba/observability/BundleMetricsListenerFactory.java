package org.ucdgba.observability;

import org.keycloak.Config;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The event listener {@value #ID}: global (every realm, nothing to enable per realm), it hands each event to
 * {@link BundleMetrics}. Meters live in Keycloak's registry for the server's lifetime; the listener keeps nothing.
 */
public final class BundleMetricsListenerFactory implements EventListenerProviderFactory, EventListenerProvider {

    /** Provider id. */
    public static final String ID = "ucdgba-metrics";

    private BundleMetrics metrics;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public void onEvent(Event event) {
        metrics.count(event);
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        // Admin events are not counted.
    }

    @Override
    public void init(Config.Scope config) {
        metrics = BundleMetrics.global();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
