package dev.chat.loadtest.collect;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One store's figures in {@code ceiling.json} ({@code stores.<key>}), and how they are made: the memory data set
 * loaded and measured, then the read dialogs loaded and the store settled, then each operation measured in turn
 * by the same {@link Throughput} harness whatever the store.
 */
record StoreCeiling(String key, String server, String client, Map<String, OpFigures> ops, Map<String, Object> memory) {

    static StoreCeiling measure(CeilingStore store, CeilingWorkload workload, Throughput throughput, int threads)
            throws Exception {
        String key = store.key();
        progress("%s: memory data set, %,d messages in %,d dialogs", key, workload.memory().messages().size(),
                workload.memory().ids().size());
        Map<String, Object> memory = store.memory(workload);
        progress("%s: %,d messages to read from, settling", key, workload.reads().messages().size());
        CeilingWorkload.load(store.store(), workload.reads().messages(), threads);
        store.settle();
        Throughput.Server process = store.process();
        Map<String, OpFigures> ops = new LinkedHashMap<>();
        for (CeilingWorkload.Operation op : workload.operations(store.store())) {
            OpFigures figures = OpFigures.of(throughput.measure(op.key(), process, op.call()), op.messagesPerOp());
            progress("%s: %-9s %,10.0f calls/s, CPU per call: server %.4f ms, client %.4f ms", key, op.key(),
                    figures.opsPerSecond(), figures.serverCpuMsPerOp(), figures.clientCpuMsPerOp());
            ops.put(op.key(), figures);
        }
        return new StoreCeiling(key, store.server(), store.client(), ops, memory);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("server", server);
        json.put("client", client);
        Map<String, Object> figures = new LinkedHashMap<>();
        ops.forEach((op, f) -> figures.put(op, f.toJson()));
        json.put("ops", figures);
        json.put("memory", memory);
        return json;
    }

    static void progress(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, "ceiling %5.1f s: ", (System.nanoTime() - CeilingMain.START) / 1e9)
                + String.format(Locale.ROOT, format, args));
    }
}
