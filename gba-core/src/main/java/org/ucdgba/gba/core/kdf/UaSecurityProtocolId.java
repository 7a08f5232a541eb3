package org.ucdgba.gba.core.kdf;

import java.util.Arrays;
import org.ucdgba.gba.core.Hex;

/**
 * A Ua security protocol identifier: five octets, the organisation octet followed by four that the organisation
 * assigns (TS 33.220 Annex H). It is the second half of NAF_Id, so a Ks_NAF is bound to one Ua protocol. Immutable.
 */
public final class UaSecurityProtocolId {

    /** (0x01,0x00,0x00,0x00,0x00): Ua security protocol of TS 33.221 (Annex H). */
    public static final UaSecurityProtocolId TS_33_221 = of("0100000000");
    /** (0x01,0x00,0x00,0x00,0x02): HTTP Digest authentication per TS 24.109 (Annex H); the default here. */
    public static final UaSecurityProtocolId HTTP_DIGEST = of("0100000002");

    private final byte[] octets;

    private UaSecurityProtocolId(byte[] octets) {
        if (octets.length != 5) {
            throw new IllegalArgumentException("a Ua security protocol identifier is 5 octets, got " + octets.length);
        }
        this.octets = octets;
    }

    /** The identifier written as ten hex digits, e.g. {@code 0100000002}. */
    public static UaSecurityProtocolId of(String hex) {
        return new UaSecurityProtocolId(Hex.decode(hex));
    }

    /** The five octets. */
    public byte[] octets() {
        return octets.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UaSecurityProtocolId other && Arrays.equals(octets, other.octets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(octets);
    }

    @Override
    public String toString() {
        return Hex.encode(octets);
    }
}
