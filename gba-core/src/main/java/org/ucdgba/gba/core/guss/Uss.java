package org.ucdgba.gba.core.guss;

import java.util.List;
import java.util.Objects;

/**
 * One User Security Setting of a GUSS (TS 29.109 Annex A): the identities (IMPUs) and authorisation flags that a
 * group of NAFs may use for one GAA service type.
 *
 * @param id       the USS identifier
 * @param type     the GAA service type code (TS 29.109 Annex B)
 * @param nafGroup the NAF group this USS applies to, or null for every NAF
 * @param uids     the user identities, at least one
 * @param flags    the authorisation flags (TS 29.109 Annex C)
 */
public record Uss(String id, int type, String nafGroup, List<String> uids, List<Integer> flags) {

    public Uss {
        Objects.requireNonNull(id, "id");
        uids = List.copyOf(uids);
        flags = List.copyOf(flags);
        if (uids.isEmpty()) {
            throw new IllegalArgumentException("a USS holds at least one uid");
        }
    }
}
