package org.ucdgba.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The load driver of issue 15: runs the operations against one Keycloak, on loopback, at each concurrency, the
 * operations interleaved in rounds, each phase bounded in time and in requests, and reports throughput, p50/p99
 * and the server's CPU time per operation. One command:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.ucdgba.benchmarks.load.LoadDriver \
 *     --url http://127.0.0.1:8080 --ops a,s,b,c,d,e --threads 1,4,8 --seconds 10 --max 2000 --rounds 3 \
 *     --warmup 1 --pid 1234[,5678] [--soak true]
 * </pre>
 * {@code --max} also sizes the cards of fresh-key logins (c): each worker gets {@code max / threads + 1} cards of its
 * own, bootstrapped ahead of each (c) phase. Warm-up rounds run like the others (the JIT compiles both sides, Keycloak fills its caches) and are not reported.
 * The realm is the demo operator realm; the driver prepares it for a benchmark ({@link BenchRealm}), so point it at
 * a benchmark server only. Never asserts a time: {@link #run} answers the phases, and its caller decides.
 */
public final class LoadDriver {

    private static final String BSF_KEY_LIFETIME = "gba.bsf.keyLifetime";

    private final Target target;
    private final List<Long> serverPids;
    private final boolean soak;

    /**
     * A driver against {@code target}; {@code serverPids} the processes whose CPU is the server's: Keycloak's and,
     * when it is a server of its own, the database's (none: the server's CPU is not measured).
     */
    public LoadDriver(Target target, List<Long> serverPids) {
        this(target, serverPids, false);
    }

    /**
     * The same; with {@code soak}, bootstrapped keys live one minute (so that the BSF's and the NAFs' entries
     * reach their steady number within the run) and the server's live heap after a full GC is printed after
     * every round (Keycloak's first pid).
     */
    public LoadDriver(Target target, List<Long> serverPids, boolean soak) {
        this.target = target;
        this.serverPids = List.copyOf(serverPids);
        this.soak = soak;
    }

    /**
     * Runs {@code warmup} rounds and then {@code rounds} rounds; in each, every operation at every concurrency for
     * at most {@code perPhase} and {@code maxPerPhase} requests. Answers every phase of the rounds after the
     * warm-up, in the order run.
     */
    public List<Phase> run(List<Operation> operations, List<Integer> concurrencies, Duration perPhase,
                           int maxPerPhase, int warmup, int rounds) throws Exception {
        int workersNeeded = concurrencies.stream().mapToInt(Integer::intValue).max().orElse(1);
        // A fresh-key login needs a B-TID bootstrapped ahead, and a card keeps only its latest bootstrap: each
        // worker gets as many cards of its own as it can run fresh-key logins in one phase.
        int[] freshCards = new int[workersNeeded];
        if (operations.contains(Operation.GBA_FRESH)) {
            for (int i = 0; i < workersNeeded; i++) {
                for (int threads : concurrencies) {
                    if (i < threads) {
                        freshCards[i] = Math.max(freshCards[i], freshPerWorker(maxPerPhase, threads));
                    }
                }
            }
        }
        List<BenchRealm.Card> cards = new BenchRealm(target).prepare(workersNeeded + Arrays.stream(freshCards).sum(),
                soak ? Map.of(BSF_KEY_LIFETIME, "60") : Map.of());
        List<Worker> workers = new ArrayList<>();
        int next = workersNeeded;
        for (int i = 0; i < workersNeeded; i++) {
            Worker w = new Worker(target, cards.get(i), cards.subList(next, next + freshCards[i]));
            next += freshCards[i];
            w.prepare();
            workers.add(w);
        }
        List<Phase> phases = new ArrayList<>();
        for (int round = 0; round < warmup + rounds; round++) {
            for (int threads : concurrencies) {
                for (Operation op : operations) {
                    if (op == Operation.GBA_FRESH) {
                        for (Worker w : workers.subList(0, threads)) {
                            w.bootstrapAhead(freshPerWorker(maxPerPhase, threads));
                        }
                    }
                    Phase p = phase(op, workers.subList(0, threads), perPhase, maxPerPhase);
                    if (round >= warmup) {
                        phases.add(p);
                    }
                }
            }
            if (soak && !serverPids.isEmpty()) {
                System.out.printf(Locale.ROOT, "after round %d (%s): live heap %.1f MB%n", round + 1, Instant.now(),
                        new ServerHeap(serverPids.get(0)).liveBytes() / 1e6);
            }
        }
        return phases;
    }

    private static int freshPerWorker(int maxPerPhase, int threads) {
        return Math.max(1, maxPerPhase / threads + 1);
    }

    private Phase phase(Operation op, List<Worker> workers, Duration length, int max) throws InterruptedException {
        AtomicLong started = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[workers.size()];
        CountDownLatch done = new CountDownLatch(workers.size());
        long cpuBefore = serverCpuTicks();
        long driverBefore = driverCpuTicks();
        long start = System.nanoTime();
        long deadline = start + length.toNanos();
        for (int i = 0; i < workers.size(); i++) {
            long[] mine = new long[max];
            latencies.add(mine);
            int index = i;
            Worker w = workers.get(i);
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline && w.canRun(op) && started.incrementAndGet() <= max) {
                        long t0 = System.nanoTime();
                        try {
                            w.run(op);
                            mine[counts[index]++] = System.nanoTime() - t0;
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + op.letter() + "-" + i);
            t.start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        // On stderr, so that a profile of the server can be cut into phases.
        System.err.printf(Locale.ROOT, "phase %s %d threads: %s to %s%n", op.letter(), workers.size(),
                Instant.now().minusNanos(System.nanoTime() - start), Instant.now());
        long cpuAfter = serverCpuTicks();
        long driverAfter = driverCpuTicks();
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int i = 0; i < workers.size(); i++) {
            System.arraycopy(latencies.get(i), 0, all, at, counts[i]);
            at += counts[i];
        }
        double cpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : (cpuAfter - cpuBefore) / CLOCK_TICKS;
        double driverCpu = driverBefore < 0 || driverAfter < 0 ? -1 : (driverAfter - driverBefore) / CLOCK_TICKS;
        return new Phase(op, workers.size(), all.length, failed.get(), firstFailure.get(), seconds, all, cpu,
                driverCpu);
    }

    /** Linux's USER_HZ: /proc reports CPU time in these ticks. */
    private static final double CLOCK_TICKS = 100.0;

    /**
     * The CPU time of the server's processes and their descendants (a database's backends are its children), in
     * clock ticks (proc(5)); -1 when unknown.
     */
    private long serverCpuTicks() {
        if (serverPids.isEmpty()) {
            return -1;
        }
        try {
            long ticks = 0;
            for (long pid : serverPids) {
                ticks += cpuTicks(pid);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime of this process, in clock ticks; -1 when unknown. */
    private static long driverCpuTicks() {
        try {
            return cpuTicks(ProcessHandle.current().pid());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After "pid (comm) ": field 3 is the state; utime, stime, cutime and cstime (children waited for, such
        // as a database's ended backends) are fields 14 to 17.
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                + Long.parseLong(fields[14]);
        Path children = Path.of("/proc/" + pid + "/task/" + pid + "/children");
        if (Files.exists(children)) {
            for (String child : Files.readString(children).trim().split("\\s+")) {
                if (!child.isEmpty()) {
                    try {
                        ticks += cpuTicks(Long.parseLong(child));
                    } catch (NoSuchFileException e) {
                        // The child ended between the listing and the read; its time went to our cutime.
                    }
                }
            }
        }
        return ticks;
    }

    /** The report: one line per phase, then the issue's ratios from the medians over rounds. */
    public static String report(List<Phase> phases) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-3s %7s %9s %9s %9s %9s %9s %7s%n",
                "op", "threads", "ops/s", "p50 ms", "p99 ms", "cpu ms/op", "drv ms/op", "failed"));
        for (Phase p : phases) {
            out.append(String.format(Locale.ROOT, "%-3s %7d %9.1f %9.2f %9.2f %9.2f %9.2f %7d%n",
                    p.operation().letter(), p.threads(), p.throughput(), p.latencyMillis(0.5),
                    p.latencyMillis(0.99), p.serverCpuMillisPerOperation(), p.driverCpuMillisPerOperation(),
                    p.failed()));
        }
        phases.stream().filter(p -> p.firstFailure() != null).forEach(p -> out.append(String.format(Locale.ROOT,
                "first failure of %s at %d threads: %s%n", p.operation().letter(), p.threads(), p.firstFailure())));
        Map<String, List<Phase>> byKey = new LinkedHashMap<>();
        for (Phase p : phases) {
            byKey.computeIfAbsent(p.operation().letter() + "@" + p.threads(), k -> new ArrayList<>()).add(p);
        }
        out.append(String.format(Locale.ROOT, "%nmedians over rounds%n%-3s %7s %9s %9s %9s%n", "op", "threads",
                "ops/s", "cpu ms/op", "drv ms/op"));
        Map<String, double[]> medians = new LinkedHashMap<>();
        byKey.forEach((key, list) -> {
            double[] m = {median(list.stream().mapToDouble(Phase::throughput).toArray()),
                median(list.stream().mapToDouble(Phase::serverCpuMillisPerOperation).toArray()),
                median(list.stream().mapToDouble(Phase::driverCpuMillisPerOperation).toArray())};
            medians.put(key, m);
            String[] k = key.split("@");
            out.append(String.format(Locale.ROOT, "%-3s %7s %9.1f %9.2f %9.2f%n", k[0], k[1], m[0], m[1], m[2]));
        });
        out.append(String.format(Locale.ROOT, "%nratios (issue 15's budgets)%n"));
        for (int threads : phases.stream().mapToInt(Phase::threads).distinct().toArray()) {
            ratio(out, medians, threads, "b/a throughput (>= 8)", "b", "a", 0);
            ratio(out, medians, threads, "b/s throughput (>= 0.7)", "b", "s", 0);
            ratio(out, medians, threads, "c/b server CPU per op (<= 1.3)", "c", "b", 1);
            ratio(out, medians, threads, "d/e throughput (>= 1.2)", "d", "e", 0);
        }
        return out.toString();
    }

    private static void ratio(StringBuilder out, Map<String, double[]> medians, int threads, String name, String x,
                              String y, int column) {
        double[] a = medians.get(x + "@" + threads);
        double[] b = medians.get(y + "@" + threads);
        if (a != null && b != null) {
            out.append(String.format(Locale.ROOT, "%d threads: %s = %.2f%n", threads, name, a[column] / b[column]));
        }
    }

    private static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2]
                : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The command line: see the class comment. */
    public static void main(String[] args) throws Exception {
        String url = "http://127.0.0.1:8080";
        List<Operation> ops = List.of(Operation.values());
        List<Integer> threads = List.of(1, 4, 8);
        Duration seconds = Duration.ofSeconds(10);
        int max = 2_000;
        int rounds = 3;
        int warmup = 1;
        boolean soak = false;
        List<Long> pids = List.of();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--url" -> url = v;
                case "--ops" -> ops = Arrays.stream(v.split(",")).map(Operation::of).toList();
                case "--threads" -> threads = Arrays.stream(v.split(",")).map(Integer::valueOf).toList();
                case "--seconds" -> seconds = Duration.ofSeconds(Long.parseLong(v));
                case "--max" -> max = Integer.parseInt(v);
                case "--rounds" -> rounds = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--soak" -> soak = Boolean.parseBoolean(v);
                case "--pid" -> pids = Arrays.stream(v.split(",")).map(Long::valueOf).toList();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!url.startsWith("http://127.") && !url.startsWith("http://localhost")) {
            throw new IllegalArgumentException("the driver runs on loopback only");
        }
        System.out.print(report(new LoadDriver(Target.demo(url), pids, soak).run(ops, threads, seconds, max, warmup,
                rounds)));
    }
}
