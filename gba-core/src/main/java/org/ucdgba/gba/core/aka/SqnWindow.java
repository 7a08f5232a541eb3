package org.ucdgba.gba.core.aka;

import java.util.Arrays;

/**
 * The USIM's freshness state for SQN (TS 33.102 Annex C.2): the array SEQ_MS(i) of the highest SEQ accepted for
 * each IND value, and the rule that accepts a SQN only when its SEQ is greater than the entry for its IND and not
 * more than {@link #DELTA} ahead of the highest SEQ accepted so far (C.2.2). Mutable; not thread-safe.
 */
public final class SqnWindow {

    /** Δ, the greatest step a SEQ may take beyond SEQ_MS (TS 33.102 Annex C.2.2; 2^28 is the usual value). */
    public static final long DELTA = 1L << 28;

    private final long[] seqMs;
    private Sqn highest;

    /** A window that has accepted nothing yet. */
    public SqnWindow() {
        this(new long[Sqn.IND_VALUES], new Sqn(0));
    }

    private SqnWindow(long[] seqMs, Sqn highest) {
        this.seqMs = seqMs;
        this.highest = highest;
    }

    /**
     * A window restored from its highest accepted SQN only, as a software ISIM stores it: every entry is set to
     * that SEQ, which is stricter than the full array and therefore safe.
     */
    public static SqnWindow restore(Sqn highestAccepted) {
        long[] seqMs = new long[Sqn.IND_VALUES];
        Arrays.fill(seqMs, highestAccepted.seq());
        return new SqnWindow(seqMs, highestAccepted);
    }

    /** Whether this SQN is fresh (C.2.1 and C.2.2), without changing the state. */
    public boolean isFresh(Sqn sqn) {
        return sqn.seq() > seqMs[sqn.ind()] && sqn.seq() - highest.seq() <= DELTA;
    }

    /** Records an accepted SQN (C.2.1): SEQ_MS(IND) := SEQ. Call only after {@link #isFresh} answered true. */
    public void accept(Sqn sqn) {
        if (!isFresh(sqn)) {
            throw new IllegalStateException("SQN is not fresh");
        }
        seqMs[sqn.ind()] = sqn.seq();
        if (sqn.seq() > highest.seq()) {
            highest = sqn;
        }
    }

    /** SQN_MS: the highest SQN accepted so far, sent in AUTS on a synchronisation failure (C.3.4). */
    public Sqn highestAccepted() {
        return highest;
    }
}
