package org.ucdgba.gba.client;

import java.time.Instant;
import org.ucdgba.gba.core.bootstrap.BTid;
import org.ucdgba.gba.core.kdf.GbaKdf;
import org.ucdgba.gba.core.kdf.NafId;

/**
 * The device's result of a Ub run (TS 33.220 clause 4.5.2): B-TID, lifetime, and the Ks and RAND from which every
 * Ks_NAF is derived.
 *
 * @param btid     the bootstrapping transaction identifier
 * @param lifetime when Ks expires
 * @param impi     the IMPI that bootstrapped
 * @param rand     the RAND of the AKA run
 * @param ks       Ks = CK || IK
 */
public record Bootstrap(BTid btid, Instant lifetime, String impi, byte[] rand, byte[] ks) {

    /** Ks_NAF for a NAF (GBA_ME, TS 33.220 clause 4.5.2). */
    public byte[] ksNaf(NafId nafId) {
        return GbaKdf.ksExtNaf(ks, rand, impi, nafId);
    }

    /** Whether the key is still valid. */
    public boolean isValid(Instant now) {
        return lifetime.isAfter(now);
    }
}
