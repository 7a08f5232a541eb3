package org.ucdgba.gba.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.ucdgba.gba.core.guss.Guss;
import org.ucdgba.io.RefusedInput;

/** GUSS documents as a HSS would send them on Zh (TS 29.109 Annex A): a typed refusal or a document, nothing else. */
class GussFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void parse(byte[] input) {
        try {
            Guss.parse(new String(input, StandardCharsets.UTF_8));
        } catch (RefusedInput expected) {
            // the only way a GUSS may be refused
        }
    }
}
