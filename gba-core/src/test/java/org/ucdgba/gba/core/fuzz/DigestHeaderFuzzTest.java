package org.ucdgba.gba.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.ucdgba.gba.core.digest.AkaNonce;
import org.ucdgba.gba.core.digest.DigestException;
import org.ucdgba.gba.core.digest.DigestHeader;

/**
 * The Digest headers of Ub and Ua (RFC 7616, RFC 3310) as a device or a BSF sends them, and the AKA nonce inside
 * (TS 24.109 clause 4.2): a {@link DigestException} or a header, nothing else.
 */
class DigestHeaderFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        try {
            DigestHeader h = DigestHeader.parse(text, true);
            String nonce = h.get("nonce");
            if (nonce != null) {
                AkaNonce.decode(nonce);
            }
            h.formatChallenge();
        } catch (DigestException expected) {
            // the only way a header may be refused
        }
    }
}
