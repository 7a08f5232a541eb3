package org.ucdgba.gba.core.aka;

import org.ucdgba.gba.core.kdf.GbaKdf;

/**
 * An authentication vector of UMTS AKA (TS 33.102 clause 6.3.2): RAND, XRES, CK, IK and AUTN, as the home
 * environment (here the BSF, acting for the HSS) produces it.
 *
 * @param rand the 16-octet random challenge
 * @param xres the expected response, output of f2
 * @param ck   the cipher key, output of f3
 * @param ik   the integrity key, output of f4
 * @param autn the authentication token SQN xor AK || AMF || MAC-A
 */
public record AuthenticationVector(byte[] rand, byte[] xres, byte[] ck, byte[] ik, byte[] autn) {

    /** Ks = CK || IK, the GBA master key (TS 33.220 clause 4.5.2). */
    public byte[] ks() {
        return GbaKdf.ks(ck, ik);
    }
}
