package org.ucdgba.benchmarks.load;

/**
 * The operations of issue 15, each a whole exchange ending with tokens: the code redeemed at the token endpoint (or
 * the BootstrappingInfo received, for Ub).
 */
public enum Operation {
    /** (a) A browser login with a password on Keycloak's form. */
    PASSWORD("a"),
    /** (s) Keycloak's cookie-SSO login of a browser signed in already: the floor of any browser login. */
    COOKIE_SSO("s"),
    /** (b) A GBA login whose Ks_NAF the NAF has cached (the device's B-TID was used before). */
    GBA_CACHED("b"),
    /** (c) A GBA login with a B-TID the NAF has not seen: Ks_NAF fetched over Zn. */
    GBA_FRESH("c"),
    /** (d) A Ub bootstrap (HTTP Digest AKA, TS 24.109). */
    BOOTSTRAP("d"),
    /** (e) A client-credentials grant. */
    CLIENT_CREDENTIALS("e");

    private final String letter;

    Operation(String letter) {
        this.letter = letter;
    }

    /** The letter for it. */
    public String letter() {
        return letter;
    }

    /** The operation of a letter. */
    public static Operation of(String letter) {
        for (Operation o : values()) {
            if (o.letter.equals(letter)) {
                return o;
            }
        }
        throw new IllegalArgumentException("no operation " + letter + " (a, s, b, c, d, e)");
    }
}
