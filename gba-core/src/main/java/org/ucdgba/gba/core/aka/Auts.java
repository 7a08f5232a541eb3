package org.ucdgba.gba.core.aka;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import org.ucdgba.gba.core.Milenage;

/**
 * The resynchronisation token AUTS = SQN_MS xor AK* || MAC-S, MAC-S = f1*(SQN_MS, RAND, AMF*) with the dummy
 * AMF* = 0x0000 (TS 33.102 clause 6.3.3), made by the USIM and checked by the home environment (clause 6.3.5).
 */
public final class Auts {

    /** AMF* = 0x0000, so that AMF need not travel in clear in the resynchronisation message. */
    private static final byte[] RESYNC_AMF = new byte[2];

    private Auts() {
    }

    /** AUTS for the RAND of the refused challenge and the USIM's SQN_MS (14 octets). */
    public static byte[] of(Milenage milenage, byte[] rand, Sqn sqnMs) {
        byte[] akStar = milenage.f2345(rand).akStar();
        byte[] sqn = sqnMs.toOctets();
        byte[] macS = milenage.f1(rand, sqn, RESYNC_AMF).macS();
        byte[] auts = new byte[14];
        for (int i = 0; i < 6; i++) {
            auts[i] = (byte) (sqn[i] ^ akStar[i]);
        }
        System.arraycopy(macS, 0, auts, 6, 8);
        return auts;
    }

    /** SQN_MS carried by a genuine AUTS, or empty when MAC-S does not verify (compared in constant time). */
    public static Optional<Sqn> verify(Milenage milenage, byte[] rand, byte[] auts) {
        if (auts.length != 14) {
            return Optional.empty();
        }
        byte[] akStar = milenage.f2345(rand).akStar();
        byte[] sqnMs = Arrays.copyOfRange(auts, 0, 6);
        for (int i = 0; i < 6; i++) {
            sqnMs[i] ^= akStar[i];
        }
        byte[] expected = milenage.f1(rand, sqnMs, RESYNC_AMF).macS();
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(auts, 6, 14))) {
            return Optional.empty();
        }
        return Optional.of(Sqn.fromOctets(sqnMs));
    }
}
