package org.ucdgba.io;

/**
 * Bytes from the network refused before they were used, with a reason a caller can map to its own protocol's
 * error (a status, a SOAP fault, a {@code LibertyException}). The message names the limit, never the content.
 */
public class RefusedInput extends RuntimeException {

    /** Why the input was refused. */
    public enum Reason {
        /** Larger than the limit the reader was given. */
        TOO_LARGE,
        /** XML elements nested deeper than the limit. */
        TOO_DEEP,
        /** A DOCTYPE, an entity or XInclude: markup this bundle never accepts. */
        FORBIDDEN_MARKUP,
        /** Not well-formed XML. */
        MALFORMED,
        /** The peer stopped sending or the stream broke before the end. */
        UNREADABLE
    }

    private final Reason reason;

    /** A refusal with its reason. */
    public RefusedInput(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why. */
    public Reason reason() {
        return reason;
    }
}
