package org.ucdgba.liberty;

import java.util.Objects;

/**
 * A SAML 1.x NameIdentifier as ID-FF uses it for IDPProvidedNameIdentifier, SPProvidedNameIdentifier,
 * OldProvidedNameIdentifier and NameIdentifier (Protocols and Schema clause 3.2): the value with its
 * NameQualifier and Format.
 *
 * @param value         the opaque name identifier
 * @param nameQualifier the provider that qualifies it, or null
 * @param format        the format URI, or null
 */
public record NameIdentifier(String value, String nameQualifier, String format) {

    public NameIdentifier {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a name identifier is not empty");
        }
    }

    /** A federated name identifier (format {@value Liberty#FORMAT_FEDERATED}) qualified by a provider. */
    public static NameIdentifier federated(String value, String nameQualifier) {
        return new NameIdentifier(value, nameQualifier, Liberty.FORMAT_FEDERATED);
    }
}
