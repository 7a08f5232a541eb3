package org.ucdgba.io;

import java.io.FilterInputStream;
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

    /**
     * A stream over the body that ends in {@link RefusedInput.Reason#TOO_LARGE} once more than {@code maxBytes} are
     * read from it, for bodies read as they arrive (a decompressed upload, say) rather than into memory.
     */
    public static InputStream limited(InputStream body, long maxBytes) {
        return new FilterInputStream(body) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) {
                read += n;
                if (read > maxBytes) {
                    throw new RefusedInput(RefusedInput.Reason.TOO_LARGE, "body larger than " + maxBytes + " octets");
                }
            }
        };
    }
}
