package dev.chat.loadtest.run;

import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * One operation's requests in one window (a stage, the warm-up, or the whole measured run): how many, how
 * many failed and why, and the latency distribution of the successful ones. Not thread-safe on its own:
 * {@link RunRecorder} serialises access.
 */
final class OpStats {

    /** Latencies in ms, 1 ms .. 5 min, 3 significant digits. */
    private final Histogram latency = new Histogram(1, 300_000, 3);
    private final Map<String, Long> errorKinds = new TreeMap<>();
    private long ok;
    private long errors;

    void ok(long latencyMs) {
        ok++;
        latency.recordValue(Math.max(1, Math.min(latencyMs, 300_000)));
    }

    void error(String kind) {
        errors++;
        errorKinds.merge(kind, 1L, Long::sum);
    }

    long count() {
        return ok + errors;
    }

    long errors() {
        return errors;
    }

    /** The figures of this window; throughput over {@code seconds}. */
    Figures figures(double seconds) {
        boolean any = latency.getTotalCount() > 0;
        return new Figures(count(), errors, count() == 0 ? 0 : 100.0 * errors / count(), Map.copyOf(errorKinds),
                seconds <= 0 ? 0 : count() / seconds,
                any ? latency.getMean() : 0, any ? latency.getValueAtPercentile(50) : 0,
                any ? latency.getValueAtPercentile(95) : 0, any ? latency.getValueAtPercentile(99) : 0,
                any ? latency.getMaxValue() : 0);
    }
}
