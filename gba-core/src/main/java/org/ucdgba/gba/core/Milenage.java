package org.ucdgba.gba.core;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The MILENAGE algorithm set of 3GPP TS 35.206: the authentication functions f1, f1* and the key generating
 * functions f2, f3, f4, f5, f5* built on AES-128 (Rijndael with a 128-bit block, TS 35.206 clause 4.1).
 *
 * <p>An instance holds one subscriber's K and OPc and is thread-safe. It keys one AES cipher once and keeps the
 * TEMP of the last RAND, so that a whole authentication vector (f1 and f2345 for one RAND) costs six AES-128 blocks
 * and no cipher look-up. The rotation and constant values are the defaults of TS 35.206 clause 4.1 (r1=64, r2=0,
 * r3=32, r4=64, r5=96; c1..c5 = 0, 1, 2, 4, 8).
 */
public final class Milenage {

    /** Length in octets of K, OP, OPc, RAND, CK and IK. */
    public static final int BLOCK = 16;
    /** Length in octets of SQN, AK and AK*. */
    public static final int SQN_LENGTH = 6;
    /** Length in octets of AMF. */
    public static final int AMF_LENGTH = 2;

    /** E[.]K, keyed once; used under this instance's lock. */
    private final Cipher k;
    private final byte[] opc;
    /** The last RAND and its TEMP (TS 35.206 clause 4.1), and a block to work in; under this instance's lock. */
    private final byte[] lastRand = new byte[BLOCK];
    private final byte[] lastTemp = new byte[BLOCK];
    private final byte[] tempXorOpc = new byte[BLOCK];
    private final byte[] scratch = new byte[BLOCK];
    private final byte[] out = new byte[BLOCK];
    /** rot(OPc, 64 bits), for f1. */
    private final byte[] opcRot64 = new byte[BLOCK];
    private boolean tempValid;

    private Milenage(byte[] k, byte[] opc) {
        this.k = keyed(requireLength(k, BLOCK, "K"));
        this.opc = requireLength(opc, BLOCK, "OPc").clone();
        System.arraycopy(this.opc, 8, opcRot64, 0, 8);
        System.arraycopy(this.opc, 0, opcRot64, 8, 8);
    }

    /** A MILENAGE instance for a subscriber whose OPc is stored (the usual HSS and USIM provisioning). */
    public static Milenage withOpc(byte[] k, byte[] opc) {
        return new Milenage(k, opc);
    }

    /** A MILENAGE instance for a subscriber given the operator variant OP; OPc is derived (TS 35.206 4.1). */
    public static Milenage withOp(byte[] k, byte[] op) {
        return new Milenage(k, computeOpc(k, op));
    }

    /** OPc = OP xor E[OP]K (TS 35.206 clause 4.1). */
    public static byte[] computeOpc(byte[] k, byte[] op) {
        requireLength(op, BLOCK, "OP");
        byte[] opc = aes(keyed(requireLength(k, BLOCK, "K")), op);
        xorInto(opc, op);
        return opc;
    }

    /** This subscriber's OPc. */
    public byte[] opc() {
        return opc.clone();
    }

    /** f1 to f5* for one RAND: what a network computes for one authentication vector, six AES-128 blocks. */
    public synchronized Outputs all(byte[] rand, byte[] sqn, byte[] amf) {
        requireLength(sqn, SQN_LENGTH, "SQN");
        requireLength(amf, AMF_LENGTH, "AMF");
        temp(rand);
        return new Outputs(macs(sqn, amf), keys());
    }

    /** f1 and f1*: the 8-octet network authentication code MAC-A and resynchronisation code MAC-S. */
    public synchronized MacPair f1(byte[] rand, byte[] sqn, byte[] amf) {
        requireLength(sqn, SQN_LENGTH, "SQN");
        requireLength(amf, AMF_LENGTH, "AMF");
        temp(rand);
        return macs(sqn, amf);
    }

    /** f2, f3, f4, f5 and f5* for one RAND: RES, CK, IK, AK and AK* (TS 35.206 clause 4.1). */
    public synchronized KeyOutputs f2345(byte[] rand) {
        temp(rand);
        return keys();
    }

    /** f1 and f1* for the current TEMP. */
    private MacPair macs(byte[] sqn, byte[] amf) {
        // OUT1 = E[TEMP xor rot(IN1 xor OPc, r1) xor c1]K xor OPc, IN1 = SQN || AMF || SQN || AMF, r1 = 64 bits,
        // c1 = 0. IN1's halves are equal, so rot(IN1, 64) = IN1 and only OPc turns: rot(OPc, 64) is kept.
        byte[] block = scratch;
        System.arraycopy(sqn, 0, block, 0, 6);
        System.arraycopy(amf, 0, block, 6, 2);
        System.arraycopy(sqn, 0, block, 8, 6);
        System.arraycopy(amf, 0, block, 14, 2);
        for (int i = 0; i < BLOCK; i++) {
            block[i] ^= (byte) (lastTemp[i] ^ opcRot64[i]);
        }
        aes(block, out);
        xorInto(out, opc);
        return new MacPair(Arrays.copyOfRange(out, 0, 8), Arrays.copyOfRange(out, 8, 16));
    }

    /** f2 to f5* for the current TEMP. */
    private KeyOutputs keys() {
        out(0, 1, out);
        byte[] res = Arrays.copyOfRange(out, 8, 16);
        byte[] ak = Arrays.copyOfRange(out, 0, 6);
        byte[] ck = new byte[BLOCK];
        out(4, 2, ck);
        byte[] ik = new byte[BLOCK];
        out(8, 4, ik);
        out(12, 8, out);
        return new KeyOutputs(res, ck, ik, ak, Arrays.copyOfRange(out, 0, 6));
    }

    /** TEMP = E[RAND xor OPc]K and TEMP xor OPc, computed once for consecutive calls with the same RAND. */
    private void temp(byte[] rand) {
        requireLength(rand, BLOCK, "RAND");
        if (!tempValid || !Arrays.equals(lastRand, rand)) {
            for (int i = 0; i < BLOCK; i++) {
                scratch[i] = (byte) (rand[i] ^ opc[i]);
            }
            aes(scratch, lastTemp);
            for (int i = 0; i < BLOCK; i++) {
                tempXorOpc[i] = (byte) (lastTemp[i] ^ opc[i]);
            }
            System.arraycopy(rand, 0, lastRand, 0, BLOCK);
            tempValid = true;
        }
    }

    /**
     * OUTn = E[rot(TEMP xor OPc, r) xor c]K xor OPc into {@code into}, with r in octets and c in the last octet;
     * rot moves octets towards the most significant end.
     */
    private void out(int rotateOctets, int constant, byte[] into) {
        byte[] block = scratch;
        System.arraycopy(tempXorOpc, rotateOctets, block, 0, BLOCK - rotateOctets);
        System.arraycopy(tempXorOpc, 0, block, BLOCK - rotateOctets, rotateOctets);
        block[BLOCK - 1] ^= (byte) constant;
        aes(block, into);
        xorInto(into, opc);
    }

    /** One block through the keyed cipher, into {@code out}. */
    private void aes(byte[] in, byte[] out) {
        try {
            k.doFinal(in, 0, BLOCK, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128 failed on a whole block", e);
        }
    }

    /** AES-128 in ECB mode for one block at a time, keyed with K. */
    private static Cipher keyed(byte[] key) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128 is not available in this JRE", e);
        }
    }

    private static byte[] aes(Cipher cipher, byte[] block) {
        try {
            return cipher.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128 failed on a whole block", e);
        }
    }

    static void xorInto(byte[] target, byte[] mask) {
        for (int i = 0; i < target.length; i++) {
            target[i] ^= mask[i];
        }
    }

    static byte[] requireLength(byte[] value, int length, String name) {
        Objects.requireNonNull(value, name);
        if (value.length != length) {
            throw new IllegalArgumentException(name + " must be " + length + " octets, got " + value.length);
        }
        return value;
    }

    /** The outputs of f1 (MAC-A) and f1* (MAC-S), 8 octets each. */
    public record MacPair(byte[] macA, byte[] macS) {
    }

    /** The outputs of f2 (RES), f3 (CK), f4 (IK), f5 (AK) and f5* (AK*). */
    public record KeyOutputs(byte[] res, byte[] ck, byte[] ik, byte[] ak, byte[] akStar) {
    }

    /** The outputs of f1 to f5* for one RAND. */
    public record Outputs(MacPair macs, KeyOutputs keys) {
    }
}
