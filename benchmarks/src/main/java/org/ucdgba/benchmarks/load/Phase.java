package org.ucdgba.benchmarks.load;

import java.util.Arrays;

/**
 * What one operation did at one concurrency for one phase: how many ended with tokens and how many failed (with
 * the first failure), how long the phase took, each operation's latency, and the server's CPU time in the phase
 * (from {@code /proc/<pid>/stat}, when the server's process id is known; -1 otherwise) and the driver's own (its
 * clients run on the same machine, so they share its cores with the server).
 */
public record Phase(Operation operation, int threads, long succeeded, long failed, String firstFailure,
                    double seconds, long[] latencyNanos, double serverCpuSeconds, double driverCpuSeconds) {

    /** Operations a second. */
    public double throughput() {
        return succeeded / seconds;
    }

    /** The latency at quantile {@code q} (0..1), in milliseconds. */
    public double latencyMillis(double q) {
        if (latencyNanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
        return sorted[i] / 1e6;
    }

    /** The server's CPU milliseconds per successful operation, or NaN when not measured. */
    public double serverCpuMillisPerOperation() {
        return serverCpuSeconds < 0 || succeeded == 0 ? Double.NaN : serverCpuSeconds * 1000 / succeeded;
    }

    /** The driver's CPU milliseconds per successful operation, or NaN when not measured. */
    public double driverCpuMillisPerOperation() {
        return driverCpuSeconds < 0 || succeeded == 0 ? Double.NaN : driverCpuSeconds * 1000 / succeeded;
    }
}
