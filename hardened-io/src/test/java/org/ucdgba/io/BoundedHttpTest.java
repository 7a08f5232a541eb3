package org.ucdgba.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Against a real HTTP server on loopback. The {@code @Timeout}s only stop a hang; they assert nothing. */
class BoundedHttpTest {

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", x -> {
            x.sendResponseHeaders(200, 5);
            try (OutputStream out = x.getResponseBody()) {
                out.write("hello".getBytes());
            }
        });
        server.createContext("/big", x -> {
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
                out.write(new byte[100_000]);
            }
        });
        // Headers at once, then the body never comes: a request timeout alone would not end this.
        server.createContext("/stall", x -> {
            x.sendResponseHeaders(200, 0);
            x.getResponseBody().write('x');
            x.getResponseBody().flush();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)).build();
    }

    @Test
    void answersWithinTheLimits() throws IOException {
        var answer = BoundedHttp.send(get("/ok"), Duration.ofSeconds(5), 10);
        assertEquals(200, answer.statusCode());
        assertEquals("hello", new String(answer.body()));
    }

    @Test
    void largerAnswerIsRefused() {
        assertEquals(RefusedInput.Reason.TOO_LARGE, assertThrows(RefusedInput.class,
                () -> BoundedHttp.send(get("/big"), Duration.ofSeconds(5), 1000)).reason());
    }

    @Test
    @Timeout(30)
    void peerStallingAfterItsHeadersEndsTheExchange() {
        assertThrows(java.net.http.HttpTimeoutException.class, () -> BoundedHttp.send(get("/stall"), Duration.ofMillis(500), 1000));
    }
}
