package dev.chat.loadtest.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.chat.loadtest.report.Summary.StoreSummary;
import dev.chat.loadtest.report.Summary.Window;
import dev.chat.loadtest.run.Figures;
import dev.chat.loadtest.run.StageWindow;

/** Turns the measurements of each store into {@link Summary} windows, ratios and verdicts. */
final class SummaryBuilder {

    private static final String[] SERVICES = {"gateway", "reader", "writer"};

    private SummaryBuilder() {
    }

    static StoreSummary store(StoreRun run) {
        List<Window> stages = new ArrayList<>();
        for (int i = 0; i < run.stages().size(); i++) {
            StageWindow s = run.stages().get(i);
            stages.add(window(run, i, "stage " + (i + 1) + ": " + s.name(), s.users()));
        }
        Window overall = window(run, -1, "overall", run.stages().get(run.stages().size() - 1).users());
        return new StoreSummary(run.store, run.seed, overall, stages, errorsFrom(stages), latencyClimbsFrom(stages),
                run.results.counters() == null ? Map.of() : run.results.counters(), run.delivery);
    }

    private static Window window(StoreRun run, int stage, String name, int users) {
        Figures read = stage < 0 ? run.overall(StoreRun.READ) : run.stage(stage, StoreRun.READ);
        Figures send = stage < 0 ? run.overall(StoreRun.SEND) : run.stage(stage, StoreRun.SEND);
        Map<String, Figures> all = stage < 0 ? run.results.overall() : run.results.perStage().get(stage);
        Figures push = all.get("push");
        Figures wsSend = all.get("ws-send");
        boolean websocket = wsSend != null && wsSend.requests() > 0;
        Figures dialogs = all.get(StoreRun.DIALOGS);
        long requests = run.requests(stage);
        long errors = run.errors(stage);
        Map<String, Double> gc = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Double seconds = stage < 0 ? null : run.metricDelta(stage, service + ":jvm.gc.pause:TOTAL_TIME");
            if (seconds != null) {
                gc.put(service, seconds);
            }
        }
        Map<String, Double> cpu = run.cpu(stage);
        return new Window(name, users, requests, errors, requests == 0 ? 0 : 100.0 * errors / requests, run.rps(stage),
                read.perSecond(), send.perSecond(), read, send, cpu, cpuPerOperation(cpu, read.perSecond(), send.perSecond()),
                stage < 0 ? -1 : run.maxLag(stage), gc,
                run.e2e.get(stage < 0 ? "overall" : "stage" + (stage + 1)), websocket ? push : null, websocket ? wsSend : null,
                dialogs != null && dialogs.requests() > 0 ? dialogs : null);
    }

    /** % of a core is CPU-ms per second: divided by operations per second, CPU-ms per operation. */
    private static Map<String, Double> cpuPerOperation(Map<String, Double> cpu, double reads, double sends) {
        Map<String, Double> per = new LinkedHashMap<>();
        if (cpu.isEmpty() || reads == 0 || sends == 0) {
            return per;
        }
        double all = reads + sends;
        per.put("reader, CPU ms per read", ms(cpu.get("reader"), reads));
        per.put("gateway, CPU ms per send", ms(cpu.get("gateway"), sends));
        per.put("writer, CPU ms per send", ms(cpu.get("writer"), sends));
        per.put("kafka, CPU ms per send", ms(cpu.get("kafka"), sends));
        per.put("store (Redis or PostgreSQL), CPU ms per request", ms(cpu.getOrDefault("redis", 0.0) + cpu.getOrDefault("postgres", 0.0), all));
        per.put("gatling, CPU ms per request", ms(cpu.get("gatling"), all));
        double sum = cpu.entrySet().stream().filter(e -> !e.getKey().startsWith("machine")).mapToDouble(Map.Entry::getValue).sum();
        per.put("all of them, CPU ms per request", ms(sum, all));
        Double switches = cpu.get("machine context switches/s");
        if (switches != null) {
            per.put("machine, context switches per request", Math.round(switches / all * 10) / 10.0);
        }
        return per;
    }

    private static Double ms(Double percentOfCore, double perSecond) {
        return percentOfCore == null ? null : Math.round(percentOfCore * 10 / perSecond * 1000) / 1000.0;
    }

    private static Integer errorsFrom(List<Window> stages) {
        return stages.stream().filter(w -> w.errors() > 0).map(Window::users).findFirst().orElse(null);
    }

    private static Integer latencyClimbsFrom(List<Window> stages) {
        for (int i = 1; i < stages.size(); i++) {
            Window before = stages.get(i - 1);
            Window now = stages.get(i);
            if (climbs(before.read(), now.read()) || climbs(before.send(), now.send())) {
                return now.users();
            }
        }
        return null;
    }

    private static boolean climbs(Figures before, Figures now) {
        return now.p95() > 50 && now.p95() > 2 * before.p95();
    }

    /** Redis ÷ SQL of every figure, overall and per stage. */
    static Map<String, Map<String, Double>> ratios(StoreSummary sql, StoreSummary redis) {
        Map<String, Map<String, Double>> ratios = new LinkedHashMap<>();
        ratios.put("overall", ratio(sql.overall(), redis.overall()));
        for (int i = 0; i < sql.stages().size() && i < redis.stages().size(); i++) {
            ratios.put("stage" + (i + 1), ratio(sql.stages().get(i), redis.stages().get(i)));
        }
        return ratios;
    }

    private static Map<String, Double> ratio(Window sql, Window redis) {
        Map<String, Double> r = new LinkedHashMap<>();
        r.put("requests", div(redis.requests(), sql.requests()));
        r.put("rps", div(redis.rps(), sql.rps()));
        r.put("readsPerSecond", div(redis.readsPerSecond(), sql.readsPerSecond()));
        r.put("writesPerSecond", div(redis.writesPerSecond(), sql.writesPerSecond()));
        for (String op : new String[] {"read", "send"}) {
            Figures a = op.equals("read") ? redis.read() : redis.send();
            Figures b = op.equals("read") ? sql.read() : sql.send();
            r.put(op + "P50", div(a.p50(), b.p50()));
            r.put(op + "P95", div(a.p95(), b.p95()));
            r.put(op + "P99", div(a.p99(), b.p99()));
        }
        if (redis.acceptedToStored() != null && sql.acceptedToStored() != null) {
            r.put("acceptedToStoredP50", div(redis.acceptedToStored().p50(), sql.acceptedToStored().p50()));
            r.put("acceptedToStoredP95", div(redis.acceptedToStored().p95(), sql.acceptedToStored().p95()));
        }
        if (redis.acceptedToPushed() != null && sql.acceptedToPushed() != null) {
            r.put("acceptedToPushedP50", div(redis.acceptedToPushed().p50(), sql.acceptedToPushed().p50()));
            r.put("acceptedToPushedP95", div(redis.acceptedToPushed().p95(), sql.acceptedToPushed().p95()));
        }
        return r;
    }

    static Double div(double a, double b) {
        return b == 0 ? null : Math.round(a / b * 100) / 100.0;
    }
}
