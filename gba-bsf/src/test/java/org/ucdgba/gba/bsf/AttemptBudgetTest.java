package org.ucdgba.gba.bsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.models.SingleUseObjectProvider;

class AttemptBudgetTest {

    /** Keycloak's single-use store reduced to a map (a unit's stand-in), counting the calls made to it. */
    private static final class MapStore implements SingleUseObjectProvider {
        final Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void put(String key, long lifespanSeconds, Map<String, String> notes) {
            calls.incrementAndGet();
            entries.put(key, notes);
        }

        @Override
        public Map<String, String> get(String key) {
            calls.incrementAndGet();
            return entries.get(key);
        }

        @Override
        public Map<String, String> remove(String key) {
            calls.incrementAndGet();
            return entries.remove(key);
        }

        @Override
        public boolean replace(String key, Map<String, String> notes) {
            calls.incrementAndGet();
            return entries.replace(key, notes) != null;
        }

        @Override
        public boolean putIfAbsent(String key, long lifespanSeconds) {
            calls.incrementAndGet();
            return entries.putIfAbsent(key, Map.of()) == null;
        }

        @Override
        public boolean contains(String key) {
            calls.incrementAndGet();
            return entries.containsKey(key);
        }

        @Override
        public void close() {
        }
    }

    private static AttemptBudget budget(MapStore store, int limit) {
        return new AttemptBudget(store, "test", "realm", limit, Duration.ofMinutes(5),
                Clock.fixed(Instant.parse("2026-12-08T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void exactlyTheLimitIsSpentPerSubject() {
        MapStore store = new MapStore();
        AttemptBudget budget = budget(store, 30);
        for (int i = 0; i < 30; i++) {
            assertFalse(budget.exhausted("impi-1"));
            assertTrue(budget.spend("impi-1"), "spend " + i);
        }
        assertTrue(budget.exhausted("impi-1"));
        assertFalse(budget.spend("impi-1"));
        assertFalse(budget.exhausted("impi-2"));
        assertTrue(budget.spend("impi-2"));
        assertEquals(31, store.entries.size());
    }

    @Test
    void aSpendLooksUpLogarithmicallyManySlots() {
        MapStore store = new MapStore();
        AttemptBudget budget = budget(store, 10_000);
        for (int i = 0; i < 5_000; i++) {
            budget.spend("impi-1");
        }
        store.calls.set(0);
        assertTrue(budget.spend("impi-1"));
        // One look-up for exhaustion, at most ceil(log2 10000) = 14 for the search, one putIfAbsent.
        assertTrue(store.calls.get() <= 16, store.calls.get() + " calls");
    }

    @Test
    void concurrentSpendsNeverExceedTheLimit() throws Exception {
        MapStore store = new MapStore();
        AttemptBudget budget = budget(store, 50);
        AtomicInteger granted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                all.add(pool.submit(() -> {
                    if (budget.spend("impi-1")) {
                        granted.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(50, granted.get());
        assertTrue(budget.exhausted("impi-1"));
    }
}
