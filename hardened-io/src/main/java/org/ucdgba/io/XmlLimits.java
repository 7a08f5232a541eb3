package org.ucdgba.io;

/**
 * The bounds a document must keep to be parsed: its size in octets and the depth of its element nesting.
 *
 * @param maxBytes largest document accepted
 * @param maxDepth deepest element nesting accepted, the document element being depth 1
 */
public record XmlLimits(int maxBytes, int maxDepth) {

    /** Limits for the small protocol documents of this bundle: 64 KiB, 32 levels. */
    public static final XmlLimits PROTOCOL = new XmlLimits(64 * 1024, 32);

    public XmlLimits {
        if (maxBytes <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
