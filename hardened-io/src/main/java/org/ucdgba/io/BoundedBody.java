package org.ucdgba.io;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request or answer body into memory only up to a limit: larger bodies end in
 * {@link RefusedInput.Reason#TOO_LARGE} without being read further, a body the peer aborted in
 * {@link RefusedInput.Reason#UNREADABLE}. Stateless and thread-safe.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    /** The whole body (empty for none); the stream is closed. */
    public static byte[] read(InputStream body, int maxBytes) {
        if (body == null) {
            return new byte[0];
        }
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new RefusedInput(RefusedInput.Reason.TOO_LARGE, "body larger than " + maxBytes + " octets");
            }
            return bytes;
        } catch (IOException e) {
            throw new RefusedInput(RefusedInput.Reason.UNREADABLE, "body ended before it was complete");
        }
    }
}
