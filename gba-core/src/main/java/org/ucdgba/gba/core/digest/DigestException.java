package org.ucdgba.gba.core.digest;

/** A malformed or unsupported HTTP Digest header. The message names the fault, never a secret. */
public class DigestException extends RuntimeException {

    /** A fault described for an operator. */
    public DigestException(String message) {
        super(message);
    }
}
