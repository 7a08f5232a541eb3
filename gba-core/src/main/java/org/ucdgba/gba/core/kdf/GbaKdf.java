package org.ucdgba.gba.core.kdf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The GBA key derivations, all in one place (TS 33.220 clause 4.5.2, clause 5.3.2 and Annex B): Ks = CK || IK, and
 * the NAF-specific keys derived from it with the generic KDF, HMAC-SHA-256 over
 * S = FC || P0 || L0 || P1 || L1 || ... with FC = 0x01 and every Li the two-octet length of Pi.
 *
 * <p>Stateless and thread-safe. AKMA's K_AF (TS 33.535) will be added here beside these.
 */
public final class GbaKdf {

    /** FC for the derivation of Ks_(ext/int)_NAF (TS 33.220 Annex B.2.2). */
    static final byte FC_KS_NAF = 0x01;

    private GbaKdf() {
    }

    /** Ks = CK || IK (TS 33.220 clause 4.5.2). */
    public static byte[] ks(byte[] ck, byte[] ik) {
        ByteArrayOutputStream ks = new ByteArrayOutputStream(32);
        ks.writeBytes(ck);
        ks.writeBytes(ik);
        return ks.toByteArray();
    }

    /**
     * Ks_NAF for GBA_ME, or Ks_ext_NAF for GBA_U: KDF(Ks, "gba-me", RAND, IMPI, NAF_Id) (TS 33.220 clauses 4.5.2
     * and 5.3.2).
     */
    public static byte[] ksExtNaf(byte[] ks, byte[] rand, String impi, NafId nafId) {
        return derive(ks, "gba-me", rand, impi, nafId);
    }

    /** Ks_int_NAF for GBA_U, kept inside the UICC: KDF(Ks, "gba-u", RAND, IMPI, NAF_Id) (TS 33.220 5.3.2). */
    public static byte[] ksIntNaf(byte[] ks, byte[] rand, String impi, NafId nafId) {
        return derive(ks, "gba-u", rand, impi, nafId);
    }

    private static byte[] derive(byte[] ks, String label, byte[] rand, String impi, NafId nafId) {
        return kdf(ks, FC_KS_NAF,
                label.getBytes(StandardCharsets.UTF_8),
                rand,
                impi.getBytes(StandardCharsets.UTF_8),
                nafId.octets());
    }

    /** The generic key derivation function of TS 33.220 Annex B.2: HMAC-SHA-256(Key, FC || P0 || L0 || ...). */
    public static byte[] kdf(byte[] key, byte fc, byte[]... parameters) {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.write(fc);
        for (byte[] p : parameters) {
            if (p.length > 0xffff) {
                throw new IllegalArgumentException("a KDF parameter is at most 65535 octets");
            }
            s.writeBytes(p);
            s.write(p.length >>> 8);
            s.write(p.length & 0xff);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(s.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available in this JRE", e);
        }
    }
}
