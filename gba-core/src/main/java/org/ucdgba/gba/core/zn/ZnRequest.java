package org.ucdgba.gba.core.zn;

import java.util.Objects;
import org.ucdgba.gba.core.bootstrap.BTid;
import org.ucdgba.gba.core.kdf.NafId;

/**
 * A NAF's request for the key material of a bootstrapping context (TS 29.109 clause 4.3: B-TID, NAF_Id and the
 * GBA_U awareness indicator).
 *
 * @param btid      the B-TID the UE presented on Ua
 * @param nafId     this NAF's FQDN and Ua security protocol
 * @param gbaUAware whether the NAF can use Ks_int_NAF (uiccKeyMaterial)
 */
public record ZnRequest(BTid btid, NafId nafId, boolean gbaUAware) {

    public ZnRequest {
        Objects.requireNonNull(btid, "btid");
        Objects.requireNonNull(nafId, "nafId");
    }
}
