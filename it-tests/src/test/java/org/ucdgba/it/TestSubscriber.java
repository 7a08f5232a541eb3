package org.ucdgba.it;

import java.net.URI;
import java.time.Duration;
import org.ucdgba.gba.client.Device;
import org.ucdgba.gba.client.DeviceState;
import org.ucdgba.gba.client.SoftwareIsim;
import org.ucdgba.gba.core.Hex;
import org.ucdgba.gba.core.kdf.UaSecurityProtocolId;

/** Alice, the subscriber of the demo operator realm, and a simulated device holding her ISIM. */
final class TestSubscriber {

    static final String IMPI = "alice@ims.operator.example";
    static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    static final byte[] OPC = Hex.decode("cd63cb71954a9f4e48a5994e37a02baf");

    private TestSubscriber() {
    }

    /** A device with the given ISIM key (Alice's, or a wrong one) that bootstraps at the operator's BSF. */
    static Device device(KeycloakServer keycloak, DeviceState state, byte[] k) {
        return new Device(new SoftwareIsim(IMPI, k, OPC, state.sqn()), state,
                URI.create(keycloak.realmUrl("operator") + "/gba-bsf"), UaSecurityProtocolId.HTTP_DIGEST,
                Duration.ofSeconds(10));
    }
}
