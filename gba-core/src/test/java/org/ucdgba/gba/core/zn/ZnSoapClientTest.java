package org.ucdgba.gba.core.zn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ucdgba.gba.core.bootstrap.BTid;
import org.ucdgba.gba.core.kdf.NafId;
import org.ucdgba.gba.core.kdf.UaSecurityProtocolId;

/** The Zn client over real loopback sockets: a BSF that answers, refuses, is not there, or never answers. */
class ZnSoapClientTest {

    private static final ZnRequest REQUEST = new ZnRequest(BTid.of(new byte[16], "bsf.example"),
            new NafId("naf.example", UaSecurityProtocolId.HTTP_DIGEST), false);
    private HttpServer bsf;

    @AfterEach
    void stop() {
        if (bsf != null) {
            bsf.stop(0);
        }
    }

    private URI serve(int status, String body, AtomicReference<String> authorization) throws IOException {
        bsf = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bsf.createContext("/zn", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        bsf.start();
        return URI.create("http://127.0.0.1:" + bsf.getAddress().getPort() + "/zn");
    }

    @Test
    void answerIsReadAndTheNafAuthenticates() throws Exception {
        byte[] key = new byte[32];
        key[31] = 9;
        AtomicReference<String> auth = new AtomicReference<>();
        URI uri = serve(200, ZnSoap.writeAnswer(new ZnAnswer("a@ims.example", key, null, Instant.now(),
                Instant.now().plusSeconds(60), List.of("sip:a@example"))), auth);
        ZnAnswer answer = new ZnSoapClient(uri, "naf", "s3cret", Duration.ofSeconds(5))
                .requestBootstrappingInfo(REQUEST);
        assertArrayEquals(key, answer.meKeyMaterial());
        assertEquals("Basic bmFmOnMzY3JldA==", auth.get());
    }

    @Test
    void refusalAndFaultsKeepTheirReason() throws Exception {
        URI refused = serve(401, "", new AtomicReference<>());
        assertEquals(ZnException.Reason.NAF_NOT_AUTHORIZED, assertThrows(ZnException.class,
                () -> new ZnSoapClient(refused, "naf", "x", Duration.ofSeconds(5))
                        .requestBootstrappingInfo(REQUEST)).reason());
        stop();
        URI fault = serve(500, ZnSoap.writeFault(ZnException.Reason.UNKNOWN_BTID, "gone"), new AtomicReference<>());
        assertEquals(ZnException.Reason.UNKNOWN_BTID, assertThrows(ZnException.class,
                () -> new ZnSoapClient(fault, "naf", "x", Duration.ofSeconds(5))
                        .requestBootstrappingInfo(REQUEST)).reason());
    }

    @Test
    void absentBsfIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        ZnException e = assertThrows(ZnException.class, () -> new ZnSoapClient(
                URI.create("http://127.0.0.1:" + closedPort + "/zn"), "naf", "x", Duration.ofSeconds(2))
                .requestBootstrappingInfo(REQUEST));
        assertEquals(ZnException.Reason.UNAVAILABLE, e.reason());
    }

    @Test
    void silentBsfIsUnavailableAfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ZnException e = assertThrows(ZnException.class, () -> new ZnSoapClient(
                    URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/zn"), "naf", "x",
                    Duration.ofMillis(300)).requestBootstrappingInfo(REQUEST));
            assertEquals(ZnException.Reason.UNAVAILABLE, e.reason());
            assertTrue(e.getMessage().contains("did not answer within PT0.3S"), e.getMessage());
        }
    }
}
