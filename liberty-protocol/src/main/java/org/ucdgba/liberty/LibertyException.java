package org.ucdgba.liberty;

/**
 * A message refused, or one that cannot be built, with a reason an operator can act on. Messages never carry key
 * material or the whole document.
 */
public class LibertyException extends Exception {

    /** Why a message was refused. */
    public enum Reason {
        /** Not well-formed XML, or not the expected message, or a required field missing or malformed. */
        MALFORMED,
        /** A DTD, an entity, XInclude, or a document too large or too deep. */
        HOSTILE_XML,
        /** The message is not signed, but the profile requires a signature. */
        SIGNATURE_MISSING,
        /** More than one signature, or a signature that does not cover exactly the message root. */
        SIGNATURE_MISPLACED,
        /** The signature does not verify with the partner's configured key. */
        SIGNATURE_INVALID,
        /** The signature algorithm is not allowed for this partner (e.g. RSA-SHA1 not enabled). */
        ALGORITHM_NOT_ALLOWED,
        /** The ProviderID names no configured partner. */
        UNKNOWN_PROVIDER,
        /** IssueInstant outside the allowed clock skew. */
        STALE,
        /** The RequestID (or ResponseID) was seen before. */
        REPLAYED,
        /** A response that does not answer the request it is matched with. */
        IN_RESPONSE_TO_MISMATCH,
        /** The partner's metadata lacks what the profile needs (a URL, a profile, a key). */
        NOT_CONFIGURED
    }

    private final Reason reason;

    /** A refusal with its reason. */
    public LibertyException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    /** A refusal with its reason and cause. */
    public LibertyException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    /** Why. */
    public Reason reason() {
        return reason;
    }
}
