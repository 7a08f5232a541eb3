package org.ucdgba.gba.core.provisioning;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.ucdgba.gba.core.Hex;

/**
 * The transport keys ("key-encryption keys", GSMA FS.28) of a card-key file's encrypted columns, as pySim takes
 * them: one AES key (128, 192 or 256 bits) per column, written {@code COLUMN:hexkey}, several separated by commas.
 * A value of such a column is AES-CBC encrypted with the fixed IV 0x23 repeated sixteen times and no padding,
 * pySim's {@code CardKeyFieldCryptor}; a column without a key is plaintext. Keys live only in this object, for one
 * import: they are never stored, logged or shown ({@link #toString()} names the columns only).
 */
public final class ColumnKeys {

    /** No encrypted column. */
    public static final ColumnKeys NONE = new ColumnKeys(Map.of());

    private static final byte[] IV = filled((byte) 0x23);

    private final Map<String, SecretKeySpec> keys;

    private ColumnKeys(Map<String, SecretKeySpec> keys) {
        this.keys = keys;
    }

    /**
     * Parses {@code KI:000102…0f,OPC:…}; column names are case-insensitive. An {@link IllegalArgumentException}
     * names the first unusable entry by its column, never the key.
     */
    public static ColumnKeys parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            int colon = entry.indexOf(':');
            String column = colon < 0 ? "" : entry.substring(0, colon).trim().toUpperCase(Locale.ROOT);
            if (column.isEmpty()) {
                throw new IllegalArgumentException("a column key is written COLUMN:hexkey");
            }
            byte[] key = octets(entry.substring(colon + 1).trim());
            if (key == null || (key.length != 16 && key.length != 24 && key.length != 32)) {
                throw new IllegalArgumentException("the key of column " + column
                        + " must be 16, 24 or 32 octets in hex");
            }
            if (keys.put(column, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("column " + column + " has two keys");
            }
            Arrays.fill(key, (byte) 0);
        }
        return new ColumnKeys(Map.copyOf(keys));
    }

    /** Whether values of this column are encrypted. */
    public boolean encrypts(String column) {
        return keys.containsKey(column.toUpperCase(Locale.ROOT));
    }

    /**
     * The octets of a value of the column, decrypted when the column has a key; an {@link IllegalArgumentException}
     * when the value is not hex or, encrypted, not a whole number of AES blocks.
     */
    public byte[] octetsOf(String column, String value) {
        byte[] octets = octets(value);
        if (octets == null) {
            throw new IllegalArgumentException("is not hex");
        }
        SecretKeySpec key = keys.get(column.toUpperCase(Locale.ROOT));
        if (key == null) {
            return octets;
        }
        if (octets.length == 0 || octets.length % 16 != 0) {
            throw new IllegalArgumentException("is not a whole number of AES blocks");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(IV));
            return cipher.doFinal(octets);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC unavailable", e);
        }
    }

    /** Encrypts a value as a SIM vendor would (for tests and for operators preparing a file). */
    public String encrypt(String column, byte[] plaintext) {
        SecretKeySpec key = keys.get(column.toUpperCase(Locale.ROOT));
        if (key == null) {
            return Hex.encode(plaintext);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(IV));
            return Hex.encode(cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a whole number of AES blocks", e);
        }
    }

    private static byte[] octets(String hex) {
        try {
            return hex.length() % 2 == 0 ? Hex.decode(hex) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] filled(byte value) {
        byte[] iv = new byte[16];
        Arrays.fill(iv, value);
        return iv;
    }

    @Override
    public String toString() {
        return "ColumnKeys" + keys.keySet();
    }
}
