package org.ucdgba.gba.core;

import java.util.HexFormat;

/** Hexadecimal helpers for the octet strings of the 3GPP specifications (lower case, no separators). */
public final class Hex {

    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    /** Decodes a hex string; spaces are ignored so that values can be copied from the specifications. */
    public static byte[] decode(String hex) {
        return HEX.parseHex(hex.replace(" ", ""));
    }

    /** Encodes octets as lower-case hex. */
    public static String encode(byte[] octets) {
        return HEX.formatHex(octets);
    }
}
