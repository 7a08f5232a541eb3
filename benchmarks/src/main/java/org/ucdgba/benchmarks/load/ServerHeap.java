package org.ucdgba.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's live heap, from its class histogram ({@code jcmd <pid> GC.class_histogram}, which runs a full GC
 * first, so only reachable objects count). Needs the JDK's {@code jcmd} on the path and the same user as the
 * server.
 */
final class ServerHeap {

    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

    private final long pid;

    ServerHeap(long pid) {
        this.pid = pid;
    }

    /** The bytes of every live object, after a full GC. */
    long liveBytes() throws IOException, InterruptedException {
        return liveBytes(null);
    }

    /** The same; the whole histogram is also written to {@code histogram} unless null. */
    long liveBytes(Path histogram) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), "GC.class_histogram").redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        if (histogram != null) {
            Files.writeString(histogram, out);
        }
        Matcher m = TOTAL.matcher(out);
        if (!m.find()) {
            throw new IOException("no class histogram from jcmd: " + out.lines().limit(3).toList());
        }
        return Long.parseLong(m.group(2));
    }
}
