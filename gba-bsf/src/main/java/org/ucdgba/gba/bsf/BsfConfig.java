package org.ucdgba.gba.bsf;

import java.time.Duration;
import org.keycloak.models.RealmModel;

/**
 * The BSF's settings, a typed view over realm attributes (set in the realm's JSON or the admin REST API):
 * <ul>
 *   <li>{@value #DOMAIN}: the BSF servers' domain name, used as Ub Digest realm and as B-TID domain
 *       (default: the host name the device used);</li>
 *   <li>{@value #KEY_LIFETIME}: lifetime of Ks in seconds (default {@value #DEFAULT_KEY_LIFETIME}; TS 33.220
 *       clause 4.5.2 leaves it to operator policy; a subscriber's GUSS lifeTime can only shorten it);</li>
 *   <li>{@value #CHALLENGE_LIFETIME}: how long a Ub nonce may be answered, in seconds (default
 *       {@value #DEFAULT_CHALLENGE_LIFETIME}).</li>
 * </ul>
 */
public final class BsfConfig {

    /** Realm attribute: BSF domain. */
    public static final String DOMAIN = "gba.bsf.domain";
    /** Realm attribute: Ks lifetime in seconds. */
    public static final String KEY_LIFETIME = "gba.bsf.keyLifetime";
    /** Realm attribute: Ub challenge lifetime in seconds. */
    public static final String CHALLENGE_LIFETIME = "gba.bsf.challengeLifetime";
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
        return Duration.ofSeconds(seconds(KEY_LIFETIME, DEFAULT_KEY_LIFETIME));
    }

    Duration challengeLifetime() {
        return Duration.ofSeconds(seconds(CHALLENGE_LIFETIME, DEFAULT_CHALLENGE_LIFETIME));
    }

    private long seconds(String attribute, long defaultValue) {
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
