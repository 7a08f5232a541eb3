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
 * <p>An instance holds one subscriber's K and OPc and is immutable and thread-safe. The rotation and constant
 * values are the defaults of TS 35.206 clause 4.1 (r1=64, r2=0, r3=32, r4=64, r5=96; c1..c5 = 0, 1, 2, 4, 8).
 */
public final class Milenage {

    /** Length in octets of K, OP, OPc, RAND, CK and IK. */
    public static final int BLOCK = 16;
    /** Length in octets of SQN, AK and AK*. */
    public static final int SQN_LENGTH = 6;
    /** Length in octets of AMF. */
    public static final int AMF_LENGTH = 2;

    private final SecretKeySpec k;
    private final byte[] opc;

    private Milenage(byte[] k, byte[] opc) {
        this.k = new SecretKeySpec(requireLength(k, BLOCK, "K"), "AES");
        this.opc = requireLength(opc, BLOCK, "OPc").clone();
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
        byte[] opc = aes(new SecretKeySpec(requireLength(k, BLOCK, "K"), "AES"), op);
        xorInto(opc, op);
        return opc;
    }

    /** This subscriber's OPc. */
    public byte[] opc() {
        return opc.clone();
    }

    /** f1 and f1*: the 8-octet network authentication code MAC-A and resynchronisation code MAC-S. */
    public MacPair f1(byte[] rand, byte[] sqn, byte[] amf) {
        requireLength(sqn, SQN_LENGTH, "SQN");
        requireLength(amf, AMF_LENGTH, "AMF");
        byte[] temp = temp(rand);
        // IN1 = SQN || AMF || SQN || AMF
        byte[] in1 = new byte[BLOCK];
        System.arraycopy(sqn, 0, in1, 0, 6);
        System.arraycopy(amf, 0, in1, 6, 2);
        System.arraycopy(sqn, 0, in1, 8, 6);
        System.arraycopy(amf, 0, in1, 14, 2);
        // OUT1 = E[TEMP xor rot(IN1 xor OPc, r1) xor c1]K xor OPc
        xorInto(in1, opc);
        byte[] block = rotate(in1, 8);
        xorInto(block, temp);
        byte[] out1 = aes(k, block);
        xorInto(out1, opc);
        return new MacPair(Arrays.copyOfRange(out1, 0, 8), Arrays.copyOfRange(out1, 8, 16));
    }

    /** f2, f3, f4, f5 and f5* for one RAND: RES, CK, IK, AK and AK* (TS 35.206 clause 4.1). */
    public KeyOutputs f2345(byte[] rand) {
        byte[] temp = temp(rand);
        byte[] out2 = out(temp, 0, 1);
        byte[] out3 = out(temp, 4, 2);
        byte[] out4 = out(temp, 8, 4);
        byte[] out5 = out(temp, 12, 8);
        return new KeyOutputs(
                Arrays.copyOfRange(out2, 8, 16),
                out3,
                out4,
                Arrays.copyOfRange(out2, 0, 6),
                Arrays.copyOfRange(out5, 0, 6));
    }

    /** TEMP = E[RAND xor OPc]K. */
    private byte[] temp(byte[] rand) {
        byte[] block = requireLength(rand, BLOCK, "RAND").clone();
        xorInto(block, opc);
        return aes(k, block);
    }

    /** OUTn = E[rot(TEMP xor OPc, r) xor c]K xor OPc, with r given in octets and c in the last octet. */
    private byte[] out(byte[] temp, int rotateOctets, int constant) {
        byte[] block = temp.clone();
        xorInto(block, opc);
        block = rotate(block, rotateOctets);
        block[BLOCK - 1] ^= (byte) constant;
        byte[] out = aes(k, block);
        xorInto(out, opc);
        return out;
    }

    /** Cyclic rotation towards the most significant end by the given number of octets. */
    private static byte[] rotate(byte[] in, int octets) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[(i + octets) % in.length];
        }
        return out;
    }

    private static byte[] aes(SecretKeySpec key, byte[] block) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key);
            return cipher.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128 is not available in this JRE", e);
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
}
