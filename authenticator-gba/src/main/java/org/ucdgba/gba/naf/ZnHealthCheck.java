package org.ucdgba.gba.naf;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.KeycloakApplication;

/**
 * The health check {@value #NAME}, in the health group {@value #GROUP} of Keycloak's management interface
 * ({@code --health-enabled=true}, {@code /health/group/ucdgba}): UP when every NAF of the server reaches its BSF's
 * Zn endpoint, DOWN naming each that does not, with why. Not in {@code /health/ready}: a BSF that is down must not
 * take the NAF's Keycloak out of its load balancer, since its other sign-in methods still work; operators alert
 * on the group. Keycloak has no SPI for health checks; a provider's health bean joins Quarkus's (as Keycloak's own
 * {@code KeycloakReadyHealthCheck} is made), indexed when Keycloak builds with the provider. A result is kept
 * {@value #KEEP_SECONDS} seconds, so that frequent probes cost the BSF at most one GET per NAF in that time.
 */
@HealthGroup(ZnHealthCheck.GROUP)
@ApplicationScoped
public class ZnHealthCheck implements HealthCheck {

    /** The check's name in the health answer. */
    public static final String NAME = "ucdgba-zn";
    /** The health group. */
    public static final String GROUP = "ucdgba";
    static final long KEEP_SECONDS = 10;

    private HealthCheckResponse last;
    private Instant lastAt = Instant.EPOCH;

    @Override
    public synchronized HealthCheckResponse call() {
        if (last == null || Duration.between(lastAt, Instant.now()).getSeconds() >= KEEP_SECONDS) {
            last = check();
            lastAt = Instant.now();
        }
        return last;
    }

    private static HealthCheckResponse check() {
        KeycloakSessionFactory factory = KeycloakApplication.getSessionFactory();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        if (factory == null) {
            return response.build();
        }
        List<ZnReachability.Probe> probes = ZnReachability.probe(factory);
        for (ZnReachability.Probe p : probes) {
            response.withData(p.realm() + "/" + p.naf(), p.problem().map(why -> "DOWN: " + p.znUrl() + " " + why)
                    .orElse("UP"));
            if (p.problem().isPresent()) {
                response.down();
            }
        }
        return response.build();
    }
}
