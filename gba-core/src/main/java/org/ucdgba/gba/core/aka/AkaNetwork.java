package org.ucdgba.gba.core.aka;

import java.util.Optional;
import org.ucdgba.gba.core.Milenage;

/**
 * The home environment's side of UMTS AKA (TS 33.102 clauses 6.3.2 and 6.3.5) for one subscriber: generation of
 * authentication vectors and verification of a resynchronisation token AUTS. Immutable and thread-safe; the
 * subscriber's SQN is kept by the caller.
 */
public final class AkaNetwork {

    private final Milenage milenage;

    /** The network side for a subscriber's MILENAGE instance. */
    public AkaNetwork(Milenage milenage) {
        this.milenage = milenage;
    }

    /** A vector for the given RAND, SQN and AMF: AUTN = SQN xor AK || AMF || MAC-A (TS 33.102 6.3.2). */
    public AuthenticationVector vector(byte[] rand, Sqn sqn, byte[] amf) {
        Milenage.Outputs all = milenage.all(rand, sqn.toOctets(), amf);
        Milenage.KeyOutputs keys = all.keys();
        byte[] mac = all.macs().macA();
        byte[] autn = new byte[16];
        byte[] concealed = sqn.toOctets();
        for (int i = 0; i < 6; i++) {
            concealed[i] ^= keys.ak()[i];
        }
        System.arraycopy(concealed, 0, autn, 0, 6);
        System.arraycopy(amf, 0, autn, 6, 2);
        System.arraycopy(mac, 0, autn, 8, 8);
        return new AuthenticationVector(rand.clone(), keys.res(), keys.ck(), keys.ik(), autn);
    }

    /**
     * Verifies AUTS for the RAND it answers (TS 33.102 clause 6.3.5) and returns the USIM's SQN_MS, from which the
     * next SQN must be counted; empty when MAC-S does not verify.
     */
    public Optional<Sqn> verifyAuts(byte[] rand, byte[] auts) {
        return Auts.verify(milenage, rand, auts);
    }
}
