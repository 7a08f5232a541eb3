package org.ucdgba.federation;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP to partners with one deadline for the whole exchange, answer included, so that a partner that stalls after
 * its headers cannot hold a request thread or Keycloak's timer; answers larger than {@code maxBytes} are refused.
 */
final class BoundedHttp {

    /** The whole exchange, connection to last byte. */
    static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private BoundedHttp() {
    }

    /** The answer's status and body; an {@link IOException} when there is none within the deadline. */
    static HttpResponse<byte[]> send(HttpRequest request, int maxBytes) throws IOException {
        CompletableFuture<HttpResponse<byte[]>> exchange = HTTP.sendAsync(request,
                HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> answer = exchange.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            if (answer.body().length > maxBytes) {
                throw new IOException("answer larger than " + maxBytes + " bytes");
            }
            return answer;
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException("no answer within " + DEADLINE.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause() == null ? "failed" : e.getCause().getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
