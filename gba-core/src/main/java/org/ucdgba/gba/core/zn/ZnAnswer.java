package org.ucdgba.gba.core.zn;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The BSF's answer on Zn (TS 29.109 clause 4.3): the subscriber's IMPI, the NAF-specific key material, the
 * bootstrapping times, and the user identities from the NAF's user security settings (here the IMPUs).
 *
 * @param impi                 the subscriber's private identity
 * @param meKeyMaterial        Ks_NAF (GBA_ME) or Ks_ext_NAF (GBA_U), 32 octets
 * @param uiccKeyMaterial      Ks_int_NAF, or null when the NAF is not GBA_U aware or the subscription is GBA_ME
 * @param creationTime         when the bootstrapping run took place
 * @param keyExpiryTime        when Ks and every key derived from it expire
 * @param impus                the public identities the NAF may use, in the order of the USS
 */
public record ZnAnswer(String impi, byte[] meKeyMaterial, byte[] uiccKeyMaterial, Instant creationTime,
                       Instant keyExpiryTime, List<String> impus) {

    public ZnAnswer {
        Objects.requireNonNull(impi, "impi");
        Objects.requireNonNull(meKeyMaterial, "meKeyMaterial");
        Objects.requireNonNull(creationTime, "creationTime");
        Objects.requireNonNull(keyExpiryTime, "keyExpiryTime");
        impus = List.copyOf(impus);
    }
}
