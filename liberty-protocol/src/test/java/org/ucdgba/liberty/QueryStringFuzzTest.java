package org.ucdgba.liberty;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.ucdgba.liberty.binding.QueryString;
import org.ucdgba.liberty.profile.FederationTermination;
import org.ucdgba.liberty.profile.NameRegistration;
import org.ucdgba.liberty.crypto.SignaturePolicy;

/**
 * The HTTP-Redirect readers (ID-FF Bindings and Profiles clause 3.1, signed query): the query string itself and the
 * messages it carries. Seeded with the golden wire forms; the only acceptable refusal is a {@link LibertyException}.
 */
class QueryStringFuzzTest {

    private static final NameRegistration AT_MASTER = new NameRegistration(Fixtures.master(SignaturePolicy.modern()));
    private static final NameRegistration AT_SLAVE = new NameRegistration(Fixtures.slave(SignaturePolicy.modern()));
    private static final FederationTermination TERMINATION =
            new FederationTermination(Fixtures.master(SignaturePolicy.modern()));

    @FuzzTest(maxDuration = "10s")
    void read(byte[] input) {
        String query = new String(input, StandardCharsets.ISO_8859_1);
        try {
            QueryString.parse(query);
        } catch (LibertyException expected) {
            // refused
        }
        try {
            AT_MASTER.processRequestRedirect(query);
        } catch (LibertyException expected) {
            // refused
        }
        try {
            AT_SLAVE.processResponseRedirect(query, "_0f1e2d3c4b5a69788796a5b4c3d2e1f0a1b2c3d4", Fixtures.MASTER);
        } catch (LibertyException expected) {
            // refused
        }
        try {
            TERMINATION.processRedirect(query);
        } catch (LibertyException expected) {
            // refused
        }
    }
}
