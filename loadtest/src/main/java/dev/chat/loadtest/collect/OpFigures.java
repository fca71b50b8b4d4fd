package dev.chat.loadtest.collect;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One operation's figures in {@code ceiling.json}: calls per second and CPU milliseconds per call of the store
 * server and of the benchmark's own JVM (when the client's CPU per call times the calls per second nears the
 * cores it may use, the client, not the store, bounds the throughput). For a batch also per message.
 *
 * @param opsPerSecond      calls completed per second
 * @param serverCpuMsPerOp  the store server's user + system CPU per call
 * @param clientCpuMsPerOp  the benchmark JVM's likewise
 * @param messagesPerOp     messages written per call (1 but for a batch)
 */
record OpFigures(double opsPerSecond, double serverCpuMsPerOp, double clientCpuMsPerOp, int messagesPerOp) {

    /** Clock ticks per CPU-second ({@code CLK_TCK}, the unit of {@code /proc/<pid>/stat}). */
    static final int TICKS_PER_SECOND = 100;

    static OpFigures of(Throughput.Run run, int messagesPerOp) {
        if (run.calls() == 0) {
            throw new IllegalStateException("ceiling: no call completed in " + run.seconds() + " s");
        }
        return new OpFigures(run.calls() / run.seconds(), msPerCall(run.serverTicks(), run.calls()),
                msPerCall(run.clientTicks(), run.calls()), messagesPerOp);
    }

    private static double msPerCall(long ticks, long calls) {
        return ticks * 1000.0 / TICKS_PER_SECOND / calls;
    }

    double messagesPerSecond() {
        return opsPerSecond * messagesPerOp;
    }

    double serverCpuMsPerMessage() {
        return serverCpuMsPerOp / messagesPerOp;
    }

    /** The schema's fields; the per-message ones only for a batch. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("opsPerSecond", Math.round(opsPerSecond * 10) / 10.0);
        if (messagesPerOp > 1) {
            json.put("messagesPerSecond", Math.round(messagesPerSecond() * 10) / 10.0);
        }
        json.put("serverCpuMsPerOp", significant(serverCpuMsPerOp));
        if (messagesPerOp > 1) {
            json.put("serverCpuMsPerMessage", significant(serverCpuMsPerMessage()));
        }
        json.put("clientCpuMsPerOp", significant(clientCpuMsPerOp));
        return json;
    }

    /** Four significant digits: the ticks behind the CPU figures are 10 ms each, so more would be noise. */
    static double significant(double value) {
        return new BigDecimal(value).round(new MathContext(4)).doubleValue();
    }
}
