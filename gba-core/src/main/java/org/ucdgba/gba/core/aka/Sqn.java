package org.ucdgba.gba.core.aka;

/**
 * A 48-bit sequence number SQN = SEQ || IND (TS 33.102 Annex C.1.1, C.3.2), IND being its low {@value #IND_BITS}
 * bits. Immutable.
 *
 * @param value the 48-bit SQN as an unsigned number
 */
public record Sqn(long value) {

    /** Length of IND in bits: the default of TS 33.102 Annex C.3.2 (a = 32 array entries). */
    public static final int IND_BITS = 5;
    /** Number of IND values, the size of the USIM's SEQ_MS array. */
    public static final int IND_VALUES = 1 << IND_BITS;
    private static final long MAX = (1L << 48) - 1;

    public Sqn {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("SQN is 48 bits");
        }
    }

    /** The SQN carried by six octets (most significant first). */
    public static Sqn fromOctets(byte[] octets) {
        if (octets.length != 6) {
            throw new IllegalArgumentException("SQN must be 6 octets, got " + octets.length);
        }
        long v = 0;
        for (byte b : octets) {
            v = (v << 8) | (b & 0xff);
        }
        return new Sqn(v);
    }

    /** The SQN made of a SEQ and an IND. */
    public static Sqn of(long seq, int ind) {
        if (ind < 0 || ind >= IND_VALUES) {
            throw new IllegalArgumentException("IND out of range: " + ind);
        }
        return new Sqn((seq << IND_BITS) | ind);
    }

    /** SEQ, the high 43 bits. */
    public long seq() {
        return value >>> IND_BITS;
    }

    /** IND, the low bits that select an entry of the USIM's array. */
    public int ind() {
        return (int) (value & (IND_VALUES - 1));
    }

    /**
     * The next SQN the home environment issues: SEQ incremented and IND cycled through its values, so that
     * vectors used out of order by different serving nodes stay acceptable (TS 33.102 Annex C.1.2, C.3.2).
     */
    public Sqn next() {
        return of(seq() + 1, (ind() + 1) % IND_VALUES);
    }

    /**
     * SQN_HE after a verified resynchronisation (TS 33.102 clause 6.3.5): counting continues from SQN_MS, the
     * USIM's highest accepted SQN. The HE never steps back below what it already issued (the USIM's array of
     * Annex C.2 still accepts those vectors, and a SQN is never handed out twice) unless SQN_HE is more than
     * {@link SqnWindow#DELTA} ahead of SQN_MS, where the USIM would refuse every further vector (C.2.2).
     */
    public static Sqn afterResynchronisation(Sqn sqnHe, Sqn sqnMs) {
        return sqnHe.seq() > sqnMs.seq() && sqnHe.seq() - sqnMs.seq() <= SqnWindow.DELTA ? sqnHe : sqnMs;
    }

    /** The six octets of this SQN, most significant first. */
    public byte[] toOctets() {
        byte[] out = new byte[6];
        for (int i = 5; i >= 0; i--) {
            out[i] = (byte) (value >>> (8 * (5 - i)));
        }
        return out;
    }
}
