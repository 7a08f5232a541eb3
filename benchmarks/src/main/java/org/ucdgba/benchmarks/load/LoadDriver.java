package org.ucdgba.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The load driver of issue 15: runs the operations against one Keycloak, on loopback, at each concurrency, the
 * operations interleaved in rounds, each phase bounded in time and in requests, and reports throughput, p50/p99
 * and the server's CPU time per operation. One command:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.ucdgba.benchmarks.load.LoadDriver \
 *     --url http://127.0.0.1:8080 --ops a,s,b,c,d,e --threads 1,4,8 --seconds 10 --max 20000 --rounds 3 --pid 1234
 * </pre>
 * The realm is the demo operator realm; the driver prepares it for a benchmark ({@link BenchRealm}), so point it at
 * a benchmark server only. Never asserts a time: {@link #run} answers the phases, and its caller decides.
 */
public final class LoadDriver {

    private final Target target;
    private final OptionalLong serverPid;

    /** A driver against {@code target}; {@code serverPid} the Keycloak process whose CPU is read, if any. */
    public LoadDriver(Target target, OptionalLong serverPid) {
        this.target = target;
        this.serverPid = serverPid;
    }

    /**
     * Runs {@code rounds} rounds; in each, every operation at every concurrency for at most {@code perPhase} and
     * {@code maxPerPhase} requests. Answers every phase, in the order run.
     */
    public List<Phase> run(List<Operation> operations, List<Integer> concurrencies, Duration perPhase,
                           int maxPerPhase, int rounds) throws Exception {
        int workersNeeded = concurrencies.stream().mapToInt(Integer::intValue).max().orElse(1);
        List<BenchRealm.Card> cards = new BenchRealm(target).prepare(workersNeeded);
        List<Worker> workers = new ArrayList<>();
        for (BenchRealm.Card card : cards) {
            Worker w = new Worker(target, card);
            w.prepare();
            workers.add(w);
        }
        List<Phase> phases = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int threads : concurrencies) {
                for (Operation op : operations) {
                    if (op == Operation.GBA_FRESH) {
                        int each = Math.max(1, maxPerPhase / threads + 1);
                        for (Worker w : workers.subList(0, threads)) {
                            w.bootstrapAhead(each);
                        }
                    }
                    phases.add(phase(op, workers.subList(0, threads), perPhase, maxPerPhase));
                }
            }
        }
        return phases;
    }

    private Phase phase(Operation op, List<Worker> workers, Duration length, int max) throws InterruptedException {
        AtomicLong started = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[workers.size()];
        CountDownLatch done = new CountDownLatch(workers.size());
        long cpuBefore = serverCpuTicks();
        long start = System.nanoTime();
        long deadline = start + length.toNanos();
        for (int i = 0; i < workers.size(); i++) {
            long[] mine = new long[max];
            latencies.add(mine);
            int index = i;
            Worker w = workers.get(i);
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline && started.incrementAndGet() <= max) {
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
        long cpuAfter = serverCpuTicks();
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int i = 0; i < workers.size(); i++) {
            System.arraycopy(latencies.get(i), 0, all, at, counts[i]);
            at += counts[i];
        }
        double cpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : (cpuAfter - cpuBefore) / CLOCK_TICKS;
        return new Phase(op, workers.size(), all.length, failed.get(), firstFailure.get(), seconds, all, cpu);
    }

    /** Linux's USER_HZ: /proc reports CPU time in these ticks. */
    private static final double CLOCK_TICKS = 100.0;

    /**
     * utime + stime of the server process and its descendants (kc.sh starts the JVM as its child), in clock ticks
     * (proc(5)); -1 when unknown.
     */
    private long serverCpuTicks() {
        if (serverPid.isEmpty()) {
            return -1;
        }
        try {
            return cpuTicks(serverPid.getAsLong());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After "pid (comm) ": field 3 is the state; utime and stime are fields 14 and 15.
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        Path children = Path.of("/proc/" + pid + "/task/" + pid + "/children");
        if (Files.exists(children)) {
            for (String child : Files.readString(children).trim().split("\\s+")) {
                if (!child.isEmpty()) {
                    ticks += cpuTicks(Long.parseLong(child));
                }
            }
        }
        return ticks;
    }

    /** The report: one line per phase, then the issue's ratios from the medians over rounds. */
    public static String report(List<Phase> phases) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-3s %7s %9s %9s %9s %9s %7s%n",
                "op", "threads", "ops/s", "p50 ms", "p99 ms", "cpu ms/op", "failed"));
        for (Phase p : phases) {
            out.append(String.format(Locale.ROOT, "%-3s %7d %9.1f %9.2f %9.2f %9.2f %7d%n", p.operation().letter(),
                    p.threads(), p.throughput(), p.latencyMillis(0.5), p.latencyMillis(0.99),
                    p.serverCpuMillisPerOperation(), p.failed()));
        }
        Map<String, List<Phase>> byKey = new LinkedHashMap<>();
        for (Phase p : phases) {
            byKey.computeIfAbsent(p.operation().letter() + "@" + p.threads(), k -> new ArrayList<>()).add(p);
        }
        out.append(String.format(Locale.ROOT, "%nmedians over rounds%n%-3s %7s %9s %9s%n", "op", "threads", "ops/s",
                "cpu ms/op"));
        Map<String, double[]> medians = new LinkedHashMap<>();
        byKey.forEach((key, list) -> {
            double[] m = {median(list.stream().mapToDouble(Phase::throughput).toArray()),
                median(list.stream().mapToDouble(Phase::serverCpuMillisPerOperation).toArray())};
            medians.put(key, m);
            String[] k = key.split("@");
            out.append(String.format(Locale.ROOT, "%-3s %7s %9.1f %9.2f%n", k[0], k[1], m[0], m[1]));
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
        int max = 20_000;
        int rounds = 3;
        OptionalLong pid = OptionalLong.empty();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--url" -> url = v;
                case "--ops" -> ops = Arrays.stream(v.split(",")).map(Operation::of).toList();
                case "--threads" -> threads = Arrays.stream(v.split(",")).map(Integer::valueOf).toList();
                case "--seconds" -> seconds = Duration.ofSeconds(Long.parseLong(v));
                case "--max" -> max = Integer.parseInt(v);
                case "--rounds" -> rounds = Integer.parseInt(v);
                case "--pid" -> pid = OptionalLong.of(Long.parseLong(v));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!url.startsWith("http://127.") && !url.startsWith("http://localhost")) {
            throw new IllegalArgumentException("the driver runs on loopback only");
        }
        System.out.print(report(new LoadDriver(Target.demo(url), pid).run(ops, threads, seconds, max, rounds)));
    }
}
