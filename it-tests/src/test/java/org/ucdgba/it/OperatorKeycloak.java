package org.ucdgba.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
    private static HttpServer garbageBsf;

    private OperatorKeycloak() {
    }

    static synchronized KeycloakServer get() throws Exception {
        if (server == null) {
            // A BSF that accepts connections and never answers: the NAF must give up after its timeout.
            silentBsf = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            // A BSF that answers at once, with something that is not Zn.
            garbageBsf = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            garbageBsf.createContext("/zn", x -> {
                byte[] body = "<soap:Envelope><unclosed".getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().add("Content-Type", "text/xml");
                x.sendResponseHeaders(200, body.length);
                x.getResponseBody().write(body);
                x.close();
            });
            garbageBsf.start();
            // declarative-ui: the admin console's "SIM subscription" tab on a user's page.
            server = KeycloakServer.prepare("operator", "localhost", List.of("/realms/operator-realm.json",
                            "/realms/naf-slow-bsf-realm.json", "/realms/naf-partner-realm.json"),
                    Map.of("SLOW_BSF_URL", "http://127.0.0.1:" + silentBsf.getLocalPort() + "/zn"))
                    .withOption("--features=declarative-ui").start();
            Runtime.getRuntime().addShutdownHook(new Thread(OperatorKeycloak::stop));
        }
        return server;
    }

    /** The Zn URL of the BSF that answers garbage. */
    static String garbageBsfUrl() {
        return "http://127.0.0.1:" + garbageBsf.getAddress().getPort() + "/zn";
    }

    private static void stop() {
        server.close();
        garbageBsf.stop(0);
        try {
            silentBsf.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
