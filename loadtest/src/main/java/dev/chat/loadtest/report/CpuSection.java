package dev.chat.loadtest.report;

import static dev.chat.loadtest.report.Md.n;
import static dev.chat.loadtest.report.Md.ratio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.chat.loadtest.report.Summary.StoreSummary;

/** "Where the time goes": CPU per process at the top stage, CPU per operation at the top stage and at every stage, lag and GC. */
final class CpuSection {

    private CpuSection() {
    }

    static void render(Md md, Summary s) {
        md.heading(2, "Where the time goes");
        StoreSummary sql = s.stores().get("postgres");
        StoreSummary redis = s.stores().get("redis");
        StoreSummary any = sql != null ? sql : redis;
        int top = any.stages().size() - 1;
        md.line("Average CPU per process during the top stage (" + any.stages().get(top).name() + "), in % of one core (the"
                + " machine has " + s.machine().get("cpus") + "); `machine` is the whole machine in % of all cores (other"
                + " people's processes included), `machine steal` the hypervisor's share. From /proc, PostgreSQL with all its"
                + " backends.").blank();
        md.header("process", "SQL run", "Redis run");
        for (String part : keys(sql, redis, top, true)) {
            md.row(part, cpu(sql, top, part), cpu(redis, top, part));
        }
        md.blank().line("The same as CPU time per operation (ms of CPU; a process's % of a core is CPU-ms per second, divided by"
                + " that operation's rate): what a request costs each process, independent of how busy the machine was."
                + " Gatling's line is the control: its work per request is the same for both stores, so a difference there"
                + " means the machine itself ran at another speed during that run (neighbours, caches, steal).").blank();
        md.header("per operation", "SQL run", "Redis run", "Redis ÷ SQL");
        for (String key : keys(sql, redis, top, false)) {
            Double a = perOp(sql, top, key);
            Double b = perOp(redis, top, key);
            md.row(key, ms(a), ms(b), a == null || b == null || a == 0 ? "–" : ratio(SummaryBuilder.div(b, a)));
        }
        everyStage(md, sql, redis);
        md.blank().line("Per stage: the writer's largest backlog (Kafka consumer lag, commands) and GC pause time per service (s).").blank();
        md.header("stage", "SQL lag", "Redis lag", "SQL GC gateway/reader/writer", "Redis GC gateway/reader/writer");
        for (int i = 0; i < any.stages().size(); i++) {
            md.row(any.stages().get(i).name(), lag(sql, i), lag(redis, i), gc(sql, i), gc(redis, i));
        }
    }

    /** CPU ms per operation of every process at every stage: one table per store, a column per stage. */
    private static void everyStage(Md md, StoreSummary sql, StoreSummary redis) {
        md.blank().line("CPU per operation at every stage (ms). At low load a process's idle work (timers, GC, Kafka's own"
                + " housekeeping) is spread over few requests, so the figures fall as the load grows; one that rises with the"
                + " load is a cost that grows with contention.");
        for (StoreSummary store : new StoreSummary[] {sql, redis}) {
            if (store == null) {
                continue;
            }
            Set<String> keys = new LinkedHashSet<>();
            store.stages().forEach(w -> keys.addAll(w.cpuMsPerOperation().keySet()));
            if (keys.isEmpty()) {
                continue;
            }
            List<String> header = new ArrayList<>(List.of(MarkdownDetails.label(store.store())));
            store.stages().forEach(w -> header.add(w.name()));
            md.blank().header(header.toArray(String[]::new));
            for (String key : keys) {
                List<Object> row = new ArrayList<>(List.of(key));
                store.stages().forEach(w -> row.add(ms(w.cpuMsPerOperation().get(key))));
                md.row(row.toArray());
            }
        }
    }

    private static Set<String> keys(StoreSummary sql, StoreSummary redis, int stage, boolean processes) {
        Set<String> keys = new LinkedHashSet<>();
        for (StoreSummary st : new StoreSummary[] {sql, redis}) {
            if (st != null) {
                keys.addAll(processes ? st.stages().get(stage).cpu().keySet() : st.stages().get(stage).cpuMsPerOperation().keySet());
            }
        }
        return keys;
    }

    private static Double perOp(StoreSummary store, int stage, String key) {
        return store == null ? null : store.stages().get(stage).cpuMsPerOperation().get(key);
    }

    private static String ms(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String cpu(StoreSummary store, int stage, String part) {
        Double value = store == null ? null : store.stages().get(stage).cpu().get(part);
        return value == null ? "–" : n(value) + (part.contains("/s") ? "" : " %");
    }

    private static String lag(StoreSummary store, int stage) {
        return store == null || store.stages().get(stage).maxConsumerLag() < 0 ? "–" : n(store.stages().get(stage).maxConsumerLag());
    }

    private static String gc(StoreSummary store, int stage) {
        if (store == null) {
            return "–";
        }
        Map<String, Double> gc = store.stages().get(stage).gcSeconds();
        return List.of("gateway", "reader", "writer").stream()
                .map(service -> gc.containsKey(service) ? String.format(Locale.ROOT, "%.2f", gc.get(service)) : "–")
                .reduce((a, b) -> a + " / " + b).orElse("–");
    }
}
