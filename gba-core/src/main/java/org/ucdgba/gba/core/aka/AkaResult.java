package org.ucdgba.gba.core.aka;

import org.ucdgba.gba.core.kdf.GbaKdf;

/**
 * What a USIM/ISIM answers to an authentication challenge (TS 33.102 clause 6.3.3): success with RES, CK and IK;
 * a synchronisation failure with AUTS; or a MAC failure, after which the network is not authenticated.
 */
public sealed interface AkaResult {

    /** The network was authenticated and SQN was fresh. */
    record Success(byte[] res, byte[] ck, byte[] ik) implements AkaResult {
        /** Ks = CK || IK (TS 33.220 clause 4.5.2). */
        public byte[] ks() {
            return GbaKdf.ks(ck, ik);
        }
    }

    /** MAC-A verified but SQN was not fresh: AUTS lets the network resynchronise. */
    record SyncFailure(byte[] auts) implements AkaResult {
    }

    /** MAC-A did not verify: the challenge did not come from the subscriber's home network. */
    record MacFailure() implements AkaResult {
    }
}
