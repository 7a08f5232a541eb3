package org.ucdgba.gba.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ucdgba.gba.core.bootstrap.BootstrappingInfo;
import org.ucdgba.io.RefusedInput;

/** The Ub 200 body a device reads (TS 24.109 Annex C): a {@link RefusedInput} or a document, nothing else. */
class BootstrappingInfoFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void parse(byte[] input) {
        try {
            BootstrappingInfo.parse(input);
        } catch (RefusedInput expected) {
            // the only way the body may be refused
        }
    }
}
