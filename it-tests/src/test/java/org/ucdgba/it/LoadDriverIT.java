package org.ucdgba.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ucdgba.benchmarks.load.LoadDriver;
import org.ucdgba.benchmarks.load.Operation;
import org.ucdgba.benchmarks.load.Phase;
import org.ucdgba.benchmarks.load.Target;

/**
 * The smoke run of issue 15's load driver: every operation (password login, cookie SSO, GBA with a cached and a
 * fresh Ks_NAF, Ub, client credentials), four client threads at once, a few seconds each, against a Keycloak of its
 * own with the demo realm, every login ending with its code redeemed. It asserts only that every operation ran and
 * none failed: the times it prints are never asserted (docs/benchmarks.md is where they are read).
 */
class LoadDriverIT {

    @Test
    void everyOperationSucceedsUnderConcurrency() throws Exception {
        try (KeycloakServer server = KeycloakServer.prepare("bench", "localhost",
                List.of("/realms/operator-realm.json"), Map.of()).start()) {
            List<Phase> phases = new LoadDriver(Target.demo(server.url()), List.of(server.pid()))
                    .run(List.of(Operation.values()), List.of(4), Duration.ofSeconds(3), 200, 0, 1);
            System.out.print(LoadDriver.report(phases));
            assertEquals(Operation.values().length, phases.size());
            for (Phase p : phases) {
                assertEquals(0, p.failed(), p.operation() + " failed: " + p.firstFailure());
                assertTrue(p.succeeded() >= 4, p.operation() + " ran " + p.succeeded() + " times");
            }
        }
    }
}
