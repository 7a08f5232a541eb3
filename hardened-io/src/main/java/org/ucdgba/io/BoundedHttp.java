package org.ucdgba.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The bundle's one HTTP client for calls to peers (Zn to the BSF, SOAP and metadata to Liberty partners): one
 * deadline for the whole exchange, connection to last byte, so a peer that stalls after its headers cannot hold a
 * request thread or Keycloak's timer, and answers read only up to a limit. No redirects are followed. Thread-safe.
 */
public final class BoundedHttp {

    /** One connection pool for the JVM; the JDK client is thread-safe and holds no state of ours. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private BoundedHttp() {
    }

    /**
     * The answer's status and body within the deadline; {@link HttpTimeoutException} when there is none in time,
     * another {@link IOException} when the connection fails, {@link RefusedInput} (too large) when the answer exceeds {@code maxBytes}.
     */
    public static HttpResponse<byte[]> send(HttpRequest request, Duration deadline, int maxBytes)
            throws IOException {
        CompletableFuture<HttpResponse<byte[]>> exchange = HTTP.sendAsync(request, info -> new Limited(maxBytes));
        try {
            return exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + deadline.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RefusedInput refused) {
                throw refused;
            }
            // The request's own timeout may fire first: still a timeout, whichever bound ended the exchange.
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause() == null ? "failed" : e.getCause().getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Collects the body and cancels the stream as soon as it passes the limit. */
    private static final class Limited implements HttpResponse.BodySubscriber<byte[]> {

        private final int maxBytes;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Limited(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                if (out.size() + b.remaining() > maxBytes) {
                    subscription.cancel();
                    result.completeExceptionally(new RefusedInput(RefusedInput.Reason.TOO_LARGE,
                            "answer larger than " + maxBytes + " octets"));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
