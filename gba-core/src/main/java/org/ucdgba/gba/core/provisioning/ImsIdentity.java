package org.ucdgba.gba.core.provisioning;

/**
 * The IMS identities a card without an ISIM application implies, derived from its IMSI (TS 23.003 clause 13.3:
 * the private user identity {@code <IMSI>@ims.mnc<MNC>.mcc<MCC>.3gppnetwork.org}; clause 13.4B: the temporary
 * public user identity {@code sip:} followed by it). The MNC is two or three digits, which the IMSI alone does not
 * tell (TS 23.003 clause 2.2); a two-digit MNC is written with a leading zero in the domain (clause 13.2).
 */
public record ImsIdentity(String impi, String impu) {

    /** Largest number of IMSI digits (TS 23.003 clause 2.2). */
    public static final int MAX_IMSI_DIGITS = 15;

    /** The identities of an IMSI whose MNC has {@code mncDigits} digits (2 or 3). */
    public static ImsIdentity fromImsi(String imsi, int mncDigits) {
        if (mncDigits != 2 && mncDigits != 3) {
            throw new IllegalArgumentException("the MNC has 2 or 3 digits");
        }
        if (!isImsi(imsi, mncDigits)) {
            throw new IllegalArgumentException("IMSI must be 3 + MNC + MSIN digits, at most " + MAX_IMSI_DIGITS);
        }
        String mcc = imsi.substring(0, 3);
        String mnc = imsi.substring(3, 3 + mncDigits);
        String impi = imsi + "@ims.mnc" + (mnc.length() == 2 ? "0" + mnc : mnc) + ".mcc" + mcc + ".3gppnetwork.org";
        return new ImsIdentity(impi, "sip:" + impi);
    }

    /** The identities of an ISIM whose IMPI is given: the IMPI, {@code user@realm} (TS 23.003 clause 13.3). */
    public static ImsIdentity ofImpi(String impi) {
        if (impi == null || impi.length() > 255 || !impi.matches("[^@\\s]+@[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("IMPI must be user@realm (TS 23.003 clause 13.3)");
        }
        return new ImsIdentity(impi, "sip:" + impi);
    }

    private static boolean isImsi(String imsi, int mncDigits) {
        return imsi != null && imsi.length() > 3 + mncDigits && imsi.length() <= MAX_IMSI_DIGITS
                && imsi.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
