package org.ucdgba.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

/**
 * The operator's Keycloak shared by the GBA test classes of one test JVM: started on first use with the operator
 * realm (BSF, NAF, relying parties), stopped when the JVM ends.
 */
final class OperatorKeycloak {

    private static KeycloakServer server;
    private static ServerSocket silentBsf;

    private OperatorKeycloak() {
    }

    static synchronized KeycloakServer get() throws Exception {
        if (server == null) {
            // A BSF that accepts connections and never answers: the NAF must give up after its timeout.
            silentBsf = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            server = KeycloakServer.prepare("operator", "localhost", List.of("/realms/operator-realm.json", "/realms/naf-slow-bsf-realm.json",
                            "/realms/naf-partner-realm.json"),
                    Map.of("SLOW_BSF_URL", "http://127.0.0.1:" + silentBsf.getLocalPort() + "/zn")).start();
            Runtime.getRuntime().addShutdownHook(new Thread(OperatorKeycloak::stop));
        }
        return server;
    }

    private static void stop() {
        server.close();
        try {
            silentBsf.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
