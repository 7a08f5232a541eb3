package org.ucdgba.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ucdgba.gba.client.BrowserCookies;
import org.ucdgba.gba.client.Device;
import org.ucdgba.gba.client.DeviceState;

/**
 * What the BSF's state costs in the server's heap, from its class histogram ({@code jcmd <pid>
 * GC.class_histogram}, live objects after a full GC) between steps that each add one kind of entry for {@code n}
 * subscribers, Keycloak's user cache warmed before each histogram so that it weighs the same in all:
 * <ol>
 *   <li>every card bootstraps once: a context, a B-TID pointer and a budget slot each;</li>
 *   <li>every card bootstraps again: the context is replaced, a pointer and a slot are added;</li>
 *   <li>every card asks for a Ub challenge and does not answer it: a challenge and a slot each.</li>
 * </ol>
 * So a context costs at most step 1 minus step 2 (which also holds what Keycloak's user cache took on), and a
 * challenge at most step 3; the histograms' class-by-class differences tell the entries apart. One command:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.ucdgba.benchmarks.load.HeapCost --url http://127.0.0.1:8180 \
 *     --pid 1234 --n 2000
 * </pre>
 * Point it at a benchmark server only: it imports {@code n} cards and widens the realm's Ub bounds. The four
 * histograms are left in {@code heap-0.txt} to {@code heap-3.txt} (under {@code benchmarks/target} when run from
 * the repository), to see which classes grew.
 */
public final class HeapCost {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Where the histograms go: the build's output when run from the repository, else here. */
    private static final Path HISTOGRAMS = Files.isDirectory(Path.of("benchmarks/target"))
            ? Path.of("benchmarks/target") : Path.of(".");
    private final Target target;
    private final ServerHeap heap;
    private final HttpClient http = Device.http(new BrowserCookies(), TIMEOUT);

    HeapCost(Target target, long pid) {
        this.target = target;
        this.heap = new ServerHeap(pid);
    }

    /** Runs the steps for {@code n} cards; answers the report. */
    String run(int n) throws Exception {
        BenchRealm realm = new BenchRealm(target);
        // An hour's throttle window, so that no budget slot expires between two histograms.
        List<BenchRealm.Card> cards = realm.prepare(n, Map.of("gba.bsf.throttleWindow", "3600"));
        List<String> users = realm.userIds(cards);
        realm.warm(users);
        long h0 = heap.liveBytes(HISTOGRAMS.resolve("heap-0.txt"));
        parallel(cards, this::bootstrap);
        realm.warm(users);
        long h1 = heap.liveBytes(HISTOGRAMS.resolve("heap-1.txt"));
        parallel(cards, this::bootstrap);
        realm.warm(users);
        long h2 = heap.liveBytes(HISTOGRAMS.resolve("heap-2.txt"));
        parallel(cards, this::challenge);
        realm.warm(users);
        long h3 = heap.liveBytes(HISTOGRAMS.resolve("heap-3.txt"));
        double first = (h1 - h0) / (double) n;
        double again = (h2 - h1) / (double) n;
        double challenge = (h3 - h2) / (double) n;
        return String.format(Locale.ROOT, """
                live heap after a full GC, %d subscribers:
                  before:                   %,d bytes
                  1. first bootstraps:      %,d bytes  (%+.0f a subscriber: context + B-TID pointer + slot)
                  2. second bootstraps:     %,d bytes  (%+.0f a subscriber: B-TID pointer + slot)
                  3. unanswered challenges: %,d bytes  (%+.0f a subscriber: challenge + slot)
                step 1 - step 2: %.0f bytes (a context, and the credentials Keycloak's user cache took on in step 1)
                step 3: at most %.0f bytes for a challenge (with a slot and Keycloak's invalidation event)
                (the class histograms' differences tell the entries apart: docs/benchmarks.md)
                """, n, h0, h1, first, h2, again, h3, challenge, first - again, challenge);
    }

    private interface CardStep {
        void run(BenchRealm.Card card) throws Exception;
    }

    private static void parallel(List<BenchRealm.Card> cards, CardStep step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (BenchRealm.Card c : cards) {
                all.add(pool.submit(() -> {
                    step.run(c);
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void bootstrap(BenchRealm.Card card) throws Exception {
        card.device(DeviceState.load(null), URI.create(target.realmUrl() + "/gba-bsf"), http, TIMEOUT).bootstrap();
    }

    /** A Ub request without a nonce: the BSF stores a challenge and answers 401 (TS 24.109 clause 4.2). */
    private void challenge(BenchRealm.Card card) throws IOException, InterruptedException {
        String path = URI.create(target.realmUrl()).getRawPath() + "/gba-bsf";
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(target.realmUrl() + "/gba-bsf"))
                .timeout(TIMEOUT).header("Authorization", "Digest username=\"" + card.impi() + "\", realm=\""
                        + "localhost\", nonce=\"\", uri=\"" + path + "\", response=\"\"").GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 401) {
            throw new IOException("no Ub challenge: HTTP " + r.statusCode());
        }
    }

    /** The command line: see the class comment. */
    public static void main(String[] args) throws Exception {
        String url = "http://127.0.0.1:8080";
        long pid = -1;
        int n = 2000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--pid" -> pid = Long.parseLong(args[i + 1].split(",")[0]);
                case "--n" -> n = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (pid < 0) {
            throw new IllegalArgumentException("--pid of the Keycloak server is needed");
        }
        System.out.print(new HeapCost(Target.demo(url), pid).run(n));
    }
}
