package org.ucdgba.liberty;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ucdgba.liberty.metadata.MetadataXml;

/**
 * ID-FF metadata (urn:liberty:metadata:2003-08) as a partner publishes it. Seeded with the golden documents; the
 * only acceptable refusal is a {@link LibertyException}.
 */
class MetadataFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void read(byte[] document) {
        try {
            MetadataXml.read(document);
        } catch (LibertyException expected) {
            // refused
        }
    }
}
