package org.ucdgba.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    @Test
    void readsUpToTheLimit() {
        assertArrayEquals(new byte[8], BoundedBody.read(new ByteArrayInputStream(new byte[8]), 8));
        assertArrayEquals(new byte[0], BoundedBody.read(null, 8));
    }

    @Test
    void largerBodyIsRefused() {
        assertEquals(RefusedInput.Reason.TOO_LARGE, assertThrows(RefusedInput.class,
                () -> BoundedBody.read(new ByteArrayInputStream(new byte[9]), 8)).reason());
    }

    /** Issue 12 finding 7: a client that aborted its body got HTTP 500 from the BSF. */
    @Test
    void abortedBodyIsUnreadable() {
        InputStream aborted = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 3) {
                    return 'x';
                }
                throw new IOException("connection reset");
            }
        };
        assertEquals(RefusedInput.Reason.UNREADABLE,
                assertThrows(RefusedInput.class, () -> BoundedBody.read(aborted, 100)).reason());
    }
}
