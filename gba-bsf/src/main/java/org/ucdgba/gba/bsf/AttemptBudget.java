package org.ucdgba.gba.bsf;

import java.time.Clock;
import java.time.Duration;
import org.keycloak.models.SingleUseObjectProvider;
import org.ucdgba.gba.core.StoreKey;

/**
 * A cluster-wide bound on how often something may happen per subject (an IMPI, a NAF client and address) in a
 * fixed window: {@code limit} slots per window in Keycloak's single-use store, each taken with its atomic
 * {@code putIfAbsent}, so two nodes can never both take the last slot. Entries expire with their window; what a
 * subject costs is at most {@code limit} small entries for one window. Bursts at a window's edge can reach twice
 * the limit, which these bounds tolerate. Slots are taken lowest first and stay taken until their window ends, so
 * the taken ones are a prefix: a spend finds the first free slot by binary search (about log2 {@code limit}
 * look-ups) rather than trying every taken one.
 */
final class AttemptBudget {

    private final SingleUseObjectProvider store;
    private final String name;
    private final String realmId;
    private final int limit;
    private final Duration window;
    private final Clock clock;

    AttemptBudget(SingleUseObjectProvider store, String name, String realmId, int limit, Duration window) {
        this(store, name, realmId, limit, window, Clock.systemUTC());
    }

    AttemptBudget(SingleUseObjectProvider store, String name, String realmId, int limit, Duration window,
                  Clock clock) {
        this.clock = clock;
        this.store = store;
        this.name = name;
        this.realmId = realmId;
        this.limit = limit;
        this.window = window;
    }

    /** Whether every slot of the current window is taken: one look-up. */
    boolean exhausted(String... subject) {
        return store.contains(slot(currentWindow(), limit - 1, subject));
    }

    /** Takes a slot of the current window; false when none was left (one look-up, then). */
    boolean spend(String... subject) {
        if (exhausted(subject)) {
            return false;
        }
        long w = currentWindow();
        for (int i = firstFree(w, subject); i < limit; i++) {
            if (store.putIfAbsent(slot(w, i, subject), window.toSeconds())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The lowest slot that looks free. A concurrent spend may take it first; the caller then goes on upwards, and
     * {@code putIfAbsent} alone decides who holds a slot.
     */
    private int firstFree(long w, String... subject) {
        int lo = 0;
        int hi = limit - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (store.contains(slot(w, mid, subject))) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Seconds until the current window ends, for a {@code Retry-After}. */
    long retryAfterSeconds() {
        long s = window.toSeconds();
        return s - clock.instant().getEpochSecond() % s;
    }

    private long currentWindow() {
        return clock.instant().getEpochSecond() / window.toSeconds();
    }

    private String slot(long w, int i, String... subject) {
        String[] parts = new String[subject.length + 2];
        System.arraycopy(subject, 0, parts, 0, subject.length);
        parts[subject.length] = Long.toString(w);
        parts[subject.length + 1] = Integer.toString(i);
        return StoreKey.of("gba-budget-" + name, realmId, parts);
    }
}
