package org.ucdgba.gba.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ucdgba.gba.core.zn.ZnException;
import org.ucdgba.gba.core.zn.ZnSoap;
import org.ucdgba.io.RefusedInput;

/**
 * Zn messages (TS 29.109 clause 5.3): the request a NAF posts to the BSF and the answer the BSF sends back.
 * The only refusals are {@link RefusedInput} for requests and {@link ZnException} for answers.
 */
class ZnSoapFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void read(byte[] input) {
        try {
            ZnSoap.readRequest(input);
        } catch (RefusedInput expected) {
            // a refused request
        }
        try {
            ZnSoap.readAnswer(input);
        } catch (ZnException expected) {
            // a refused answer
        }
    }
}
