package org.ucdgba.gba.core.zn;

/** A Zn request that did not yield key material, with a reason a NAF can act on. Never carries key material. */
public class ZnException extends Exception {

    /** Why the request failed. */
    public enum Reason {
        /** The BSF has no bootstrapping context for the B-TID, or it expired: the UE must bootstrap again. */
        UNKNOWN_BTID,
        /** The BSF does not serve this NAF (authentication or NAF_Id not authorised). */
        NAF_NOT_AUTHORIZED,
        /** The BSF could not be reached or did not answer within the timeout. */
        UNAVAILABLE,
        /** The BSF answered with something that is not a Zn message. */
        PROTOCOL
    }

    private final Reason reason;

    /** A failure with its reason and a message for the operator. */
    public ZnException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A failure with its cause. */
    public ZnException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Why it failed. */
    public Reason reason() {
        return reason;
    }
}
