package org.ucdgba.gba.core.aka;

import java.security.MessageDigest;
import java.util.Arrays;
import org.ucdgba.gba.core.Milenage;

/**
 * The USIM/ISIM side of UMTS AKA (TS 33.102 clause 6.3.3): checks AUTN, the freshness of SQN and answers with
 * RES, CK and IK, or with AUTS on a synchronisation failure. Holds the SQN window; not thread-safe.
 */
public final class AkaUsim {

    private final Milenage milenage;
    private final SqnWindow window;

    /** A USIM with a subscriber's MILENAGE instance and its SQN state. */
    public AkaUsim(Milenage milenage, SqnWindow window) {
        this.milenage = milenage;
        this.window = window;
    }

    /** Runs the USIM's part of AKA on RAND and AUTN (TS 33.102 clause 6.3.3). */
    public AkaResult authenticate(byte[] rand, byte[] autn) {
        if (rand.length != 16 || autn.length != 16) {
            return new AkaResult.MacFailure();
        }
        Milenage.KeyOutputs keys = milenage.f2345(rand);
        byte[] sqnOctets = Arrays.copyOfRange(autn, 0, 6);
        for (int i = 0; i < 6; i++) {
            sqnOctets[i] ^= keys.ak()[i];
        }
        byte[] amf = Arrays.copyOfRange(autn, 6, 8);
        byte[] xmac = milenage.f1(rand, sqnOctets, amf).macA();
        if (!MessageDigest.isEqual(xmac, Arrays.copyOfRange(autn, 8, 16))) {
            return new AkaResult.MacFailure();
        }
        Sqn sqn = Sqn.fromOctets(sqnOctets);
        if (!window.isFresh(sqn)) {
            return new AkaResult.SyncFailure(Auts.of(milenage, rand, window.highestAccepted()));
        }
        window.accept(sqn);
        return new AkaResult.Success(keys.res(), keys.ck(), keys.ik());
    }

    /** The SQN state, to be saved by a software ISIM between runs. */
    public Sqn highestAcceptedSqn() {
        return window.highestAccepted();
    }
}
