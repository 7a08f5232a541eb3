package org.ucdgba.gba.client;

/** A device-side failure of Ub or Ua, with a message for the person running the device. */
public class GbaClientException extends Exception {

    /** A failure with its explanation. */
    public GbaClientException(String message) {
        super(message);
    }

    /** A failure with its cause. */
    public GbaClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
