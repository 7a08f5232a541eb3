package org.ucdgba.liberty;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ucdgba.liberty.profile.FederationTermination;
import org.ucdgba.liberty.profile.NameRegistration;
import org.ucdgba.liberty.crypto.SignaturePolicy;

/**
 * Every SOAP reader (ID-FF Bindings and Profiles clause 3.2) of the master and the slave: a RegisterNameIdentifier
 * request and response, a FederationTerminationNotification. Seeded with the golden wire forms; the only
 * acceptable refusal is a {@link LibertyException}.
 */
class SoapFuzzTest {

    private static final NameRegistration AT_MASTER = new NameRegistration(Fixtures.master(SignaturePolicy.modern()));
    private static final NameRegistration AT_SLAVE = new NameRegistration(Fixtures.slave(SignaturePolicy.modern()));
    private static final FederationTermination TERMINATION =
            new FederationTermination(Fixtures.master(SignaturePolicy.modern()));

    @FuzzTest(maxDuration = "10s")
    void read(byte[] envelope) {
        try {
            AT_MASTER.processRequestSoap(envelope);
        } catch (LibertyException expected) {
            // refused
        }
        try {
            AT_SLAVE.processResponseSoap(envelope, "_0f1e2d3c4b5a69788796a5b4c3d2e1f0a1b2c3d4", Fixtures.MASTER);
        } catch (LibertyException expected) {
            // refused
        }
        try {
            TERMINATION.processSoap(envelope);
        } catch (LibertyException expected) {
            // refused
        }
    }
}
