package dev.chat.loadtest.collect;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The ceiling's few lines on stderr: calls/s and CPU per call side by side, then bytes per message. */
final class CeilingSummary {

    private CeilingSummary() {
    }

    static void print(CeilingOptions options, List<StoreCeiling> results, double elapsedSeconds) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "ceiling: %d threads, %d s measured per operation after %d s warm-up (%.0f s in all)%n",
                options.threads(), options.seconds(), options.warmup(), elapsedSeconds));
        out.append(String.format(Locale.ROOT, "  %-10s", "operation"));
        results.forEach(r -> out.append(String.format(Locale.ROOT, " | %-40s", r.key()
                + ": calls/s, CPU ms/call server, client")));
        out.append(String.format("%n"));
        for (String op : results.get(0).ops().keySet()) {
            out.append(String.format(Locale.ROOT, "  %-10s", op));
            for (StoreCeiling r : results) {
                OpFigures f = r.ops().get(op);
                out.append(String.format(Locale.ROOT, " | %,12.0f %12.4f %12.4f   ", f.opsPerSecond(),
                        f.serverCpuMsPerOp(), f.clientCpuMsPerOp()));
            }
            out.append(String.format("%n"));
        }
        out.append(String.format(Locale.ROOT, "  %-10s", "memory"));
        for (StoreCeiling r : results) {
            Map<String, Object> m = r.memory();
            out.append(String.format(Locale.ROOT, " | %,8.1f bytes/message, %.2fx the members    ",
                    ((Number) m.get("bytesPerMessage")).doubleValue(), ((Number) m.get("ratioToMembers")).doubleValue()));
        }
        System.err.println(out.append(String.format("%n")));
    }
}
