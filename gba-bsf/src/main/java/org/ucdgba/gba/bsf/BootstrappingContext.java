package org.ucdgba.gba.bsf;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.ucdgba.gba.core.bootstrap.BTid;

/**
 * A bootstrapping context as the BSF keeps it after a successful Ub run (TS 33.220 clause 4.5.2): B-TID, the
 * subscriber, RAND and Ks, and its lifetime. Serialised to the notes of Keycloak's single-use object store.
 */
record BootstrappingContext(BTid btid, String userId, String impi, byte[] rand, byte[] ks, Instant created,
                            Instant expires) {

    Map<String, String> toNotes() {
        Base64.Encoder b64 = Base64.getEncoder();
        return Map.of("btid", btid.value(), "userId", userId, "impi", impi, "rand", b64.encodeToString(rand),
                "ks", b64.encodeToString(ks), "created", created.toString(), "expires", expires.toString());
    }

    static BootstrappingContext fromNotes(Map<String, String> n) {
        Base64.Decoder b64 = Base64.getDecoder();
        return new BootstrappingContext(new BTid(n.get("btid")), n.get("userId"), n.get("impi"),
                b64.decode(n.get("rand")), b64.decode(n.get("ks")), Instant.parse(n.get("created")),
                Instant.parse(n.get("expires")));
    }
}
