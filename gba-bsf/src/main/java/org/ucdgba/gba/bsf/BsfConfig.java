package org.ucdgba.gba.bsf;

import java.time.Duration;
import org.keycloak.models.RealmModel;
import org.ucdgba.gba.core.Hex;
import org.ucdgba.gba.core.Milenage;

/**
 * The BSF's settings, a typed view over realm attributes (set in the realm's JSON or the admin REST API):
 * <ul>
 *   <li>{@value #DOMAIN}: the BSF servers' domain name, used as Ub Digest realm and as B-TID domain
 *       (default: the host name the device used);</li>
 *   <li>{@value #KEY_LIFETIME}: lifetime of Ks in seconds (default {@value #DEFAULT_KEY_LIFETIME}; TS 33.220
 *       clause 4.5.2 leaves it to operator policy; a subscriber's GUSS lifeTime can only shorten it);</li>
 *   <li>{@value #CHALLENGE_LIFETIME}: how long a Ub nonce may be answered, in seconds (default
 *       {@value #DEFAULT_CHALLENGE_LIFETIME});</li>
 *   <li>{@value #UB_CHALLENGES}: Ub challenges issued per IMPI in a throttle window (default
 *       {@value #DEFAULT_UB_CHALLENGES}); each advances the subscriber's SQN, so this bounds what anyone who knows
 *       an IMPI can make the BSF write;</li>
 *   <li>{@value #UB_FAILURES}: wrong Ub answers (RES or AUTS) per IMPI in a window (default
 *       {@value #DEFAULT_UB_FAILURES}); past it, the IMPI gets 429 until the window ends;</li>
 *   <li>{@value #ZN_FAILURES}: failed Zn client authentications per client id and address in a window (default
 *       {@value #DEFAULT_ZN_FAILURES});</li>
 *   <li>{@value #DECOY_AMF}: the AMF (hex) of the challenges sent for IMPIs without a usable subscription, which
 *       should be the one the operator's subscribers have, since AUTN carries it in clear (default
 *       {@value #DEFAULT_DECOY_AMF}, the separation bit of TS 33.102 Annex H set);</li>
 *   <li>{@value #CHALLENGE_FLOOR}: the least time in milliseconds before a Ub challenge is sent (default
 *       {@value #DEFAULT_CHALLENGE_FLOOR}), so that challenges for IMPIs with and without a subscription take
 *       equally long; set it above the 99th percentile of real challenges, 0 to turn it off;</li>
 *   <li>{@value #THROTTLE_WINDOW}: the window of these three bounds, in seconds (default
 *       {@value #DEFAULT_THROTTLE_WINDOW}).</li>
 * </ul>
 */
public final class BsfConfig {

    /** Realm attribute: BSF domain. */
    public static final String DOMAIN = "gba.bsf.domain";
    /** Realm attribute: Ks lifetime in seconds. */
    public static final String KEY_LIFETIME = "gba.bsf.keyLifetime";
    /** Realm attribute: Ub challenge lifetime in seconds. */
    public static final String CHALLENGE_LIFETIME = "gba.bsf.challengeLifetime";
    /** Realm attribute: Ub challenges per IMPI and window. */
    public static final String UB_CHALLENGES = "gba.bsf.ubChallengesPerImpi";
    /** Realm attribute: wrong Ub answers per IMPI and window. */
    public static final String UB_FAILURES = "gba.bsf.ubFailuresPerImpi";
    /** Realm attribute: failed Zn client authentications per client and address and window. */
    public static final String ZN_FAILURES = "gba.bsf.znFailuresPerClient";
    /** Realm attribute: AMF of decoy challenges. */
    public static final String DECOY_AMF = "gba.bsf.decoyAmf";
    /** Realm attribute: the least time before a Ub challenge is sent, in milliseconds. */
    public static final String CHALLENGE_FLOOR = "gba.bsf.challengeFloorMillis";
    /** Realm attribute: the throttle window in seconds. */
    public static final String THROTTLE_WINDOW = "gba.bsf.throttleWindow";
    /** User attribute holding the subscriber's IMPI. */
    public static final String IMPI_ATTRIBUTE = "gba.impi";
    /** User attribute holding the subscriber's IMPUs (multi-valued). */
    public static final String IMPU_ATTRIBUTE = "gba.impu";
    /** User attribute holding the subscriber's GUSS document (TS 29.109 Annex A), optional. */
    public static final String GUSS_ATTRIBUTE = "gba.guss";
    /** Client attribute naming the NAF group whose USSs a NAF client receives on Zn, optional. */
    public static final String NAF_GROUP_ATTRIBUTE = "gba.naf.group";
    /** Client attribute listing the NAF FQDNs a client may request keys for on Zn (space or comma separated). */
    public static final String NAF_FQDNS_ATTRIBUTE = "gba.naf.fqdns";

    static final long DEFAULT_KEY_LIFETIME = 3600;
    static final long DEFAULT_CHALLENGE_LIFETIME = 120;
    static final long DEFAULT_UB_CHALLENGES = 30;
    static final long DEFAULT_UB_FAILURES = 5;
    static final long DEFAULT_ZN_FAILURES = 10;
    static final long DEFAULT_THROTTLE_WINDOW = 300;
    static final String DEFAULT_DECOY_AMF = "8000";
    static final long DEFAULT_CHALLENGE_FLOOR = 25;

    private final RealmModel realm;
    private final String requestHost;

    BsfConfig(RealmModel realm, String requestHost) {
        this.realm = realm;
        this.requestHost = requestHost;
    }

    String domain() {
        String d = realm.getAttribute(DOMAIN);
        return d == null || d.isBlank() ? requestHost : d.strip();
    }

    Duration keyLifetime() {
        return Duration.ofSeconds(positive(KEY_LIFETIME, DEFAULT_KEY_LIFETIME));
    }

    Duration challengeLifetime() {
        return Duration.ofSeconds(positive(CHALLENGE_LIFETIME, DEFAULT_CHALLENGE_LIFETIME));
    }

    Duration throttleWindow() {
        return Duration.ofSeconds(positive(THROTTLE_WINDOW, DEFAULT_THROTTLE_WINDOW));
    }

    int ubChallenges() {
        return (int) Math.min(10_000, positive(UB_CHALLENGES, DEFAULT_UB_CHALLENGES));
    }

    int ubFailures() {
        return (int) Math.min(10_000, positive(UB_FAILURES, DEFAULT_UB_FAILURES));
    }

    int znFailures() {
        return (int) Math.min(10_000, positive(ZN_FAILURES, DEFAULT_ZN_FAILURES));
    }

    Duration challengeFloor() {
        String v = realm.getAttribute(CHALLENGE_FLOOR);
        if ("0".equals(v == null ? null : v.strip())) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.min(1000, positive(CHALLENGE_FLOOR, DEFAULT_CHALLENGE_FLOOR)));
    }

    byte[] decoyAmf() {
        String v = realm.getAttribute(DECOY_AMF);
        try {
            byte[] amf = Hex.decode(v == null || v.isBlank() ? DEFAULT_DECOY_AMF : v.strip());
            return amf.length == Milenage.AMF_LENGTH ? amf : Hex.decode(DEFAULT_DECOY_AMF);
        } catch (IllegalArgumentException e) {
            return Hex.decode(DEFAULT_DECOY_AMF);
        }
    }

    /** A positive number from a realm attribute, or the default when it is absent or unusable. */
    private long positive(String attribute, long defaultValue) {
        String v = realm.getAttribute(attribute);
        if (v == null || v.isBlank()) {
            return defaultValue;
        }
        try {
            long s = Long.parseLong(v.strip());
            return s > 0 ? s : defaultValue;
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }
}
