package dev.chat.loadtest.report;

import static dev.chat.loadtest.report.MarkdownDetails.label;
import static dev.chat.loadtest.report.Verdicts.top;
import static java.lang.String.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.chat.loadtest.report.StoreRun.Delivery;
import dev.chat.loadtest.report.Summary.StoreSummary;
import dev.chat.loadtest.report.Summary.Verdict;
import dev.chat.loadtest.report.Summary.Window;

/**
 * The team's full-stack targets, judged from the load test's figures. Those named "on both stores" get a verdict
 * per store; the others are Redis' (the store under evaluation), with SQL's figure beside it.
 */
final class Targets {

    /** {@code write_message} calls/s of the host the CPU target was set on (the ceiling of 2026-11-24). */
    static final double REFERENCE_WRITE_MESSAGE = 47_520;
    static final double CPU_MS_PER_REQUEST = 0.25;
    static final String ALL_CPU = "all of them, CPU ms per request";
    static final String READER_CPU = "reader, CPU ms per read";

    private Targets() {
    }

    static List<Verdict> fullStack(StoreSummary sql, StoreSummary redis, Ceiling ceiling) {
        List<Verdict> targets = new ArrayList<>();
        for (StoreSummary store : List.of(sql, redis)) {
            targets.add(everyStage("accepted → stored p95 ≤ 1 s at every stage — " + label(store.store()), store,
                    w -> w.acceptedToStored() == null ? null : w.acceptedToStored().p95(), "no accepted → stored figures (e2e.json)"));
        }
        targets.add(everyStage("accepted → pushed p95 ≤ 1 s at every stage (WebSocket) — " + label(redis.store()), redis,
                w -> w.acceptedToPushed() == null ? null : w.acceptedToPushed().p95(), "no WebSocket scenario in this run"));
        targets.add(pushP99At100Users(sql, redis));
        targets.add(clean(sql));
        targets.add(clean(redis));
        targets.add(cpuPerRequest(sql, redis, ceiling));
        targets.add(readerCpu(sql, redis));
        targets.add(reads(sql, redis));
        return targets;
    }

    /** A latency figure (ms) of every stage ≤ 1 s. */
    private static Verdict everyStage(String question, StoreSummary store, Function<Window, Long> p95, String ifAbsent) {
        List<Long> figures = store.stages().stream().map(p95).toList();
        if (figures.contains(null)) {
            return Verdict.notMeasured(question, ifAbsent);
        }
        int worst = 0;
        for (int i = 1; i < figures.size(); i++) {
            worst = figures.get(i) > figures.get(worst) ? i : worst;
        }
        long max = figures.get(worst);
        long over = figures.stream().filter(f -> f > 1000).count();
        String evidence = "p95 per stage (ms): " + String.join(", ", figures.stream().map(f -> format(Locale.ROOT, "%,d", f)).toList())
                + (over == 0 ? "" : format(Locale.ROOT, "; over 1 s at %d of %d stages, missed by up to %,d ms (×%.1f the target)",
                over, figures.size(), max - 1000, max / 1000.0));
        return Verdict.judged(question, format(Locale.ROOT, "worst %,d ms (%s)", max, store.stages().get(worst).name()), over == 0,
                evidence);
    }

    private static Verdict pushP99At100Users(StoreSummary sql, StoreSummary redis) {
        String question = "send → pushed p99 ≤ 100 ms at 100 users (WebSocket) — " + label(redis.store());
        Window r = at100(redis);
        if (r == null) {
            return Verdict.notMeasured(question, "no stage with 100 users in this profile");
        }
        if (r.acceptedToPushed() == null) {
            return Verdict.notMeasured(question, "no WebSocket scenario in this run");
        }
        long p99 = r.acceptedToPushed().p99();
        Window s = at100(sql);
        String other = s == null || s.acceptedToPushed() == null ? "" : format(Locale.ROOT, "; SQL %,d ms", s.acceptedToPushed().p99());
        return Verdict.judged(question, format(Locale.ROOT, "%,d ms", p99), p99 <= 100, format(Locale.ROOT,
                "accepted → pushed at a connected recipient, %s, %,d messages%s%s", r.name(), r.acceptedToPushed().requests(), other,
                p99 <= 100 ? "" : format(Locale.ROOT, "; missed by %,d ms (×%.1f the target)", p99 - 100, p99 / 100.0)));
    }

    private static Window at100(StoreSummary store) {
        return store.stages().stream().filter(w -> w.users() == 100).findFirst().orElse(null);
    }

    /** No failed request (HTTP and WebSocket sends) at any stage, and no accepted message lost or stored twice. */
    private static Verdict clean(StoreSummary store) {
        String question = "0 errors at every stage, 0 accepted messages missing, 0 duplicated — " + label(store.store());
        List<Long> errors = store.stages().stream().map(w -> w.errors() + (w.wsSend() == null ? 0 : w.wsSend().errors())).toList();
        long all = errors.stream().mapToLong(Long::longValue).sum();
        Delivery d = store.delivery();
        String perStage = "errors per stage " + errors + " (reads, sends, WebSocket sends)";
        if (d == null) {
            return all > 0 ? Verdict.judged(question, all + " errors", false, perStage + "; no delivery check in this run")
                    : Verdict.notMeasured(question, perStage + "; no delivery check in this run (no delivery.json): missing and"
                    + " duplicated messages unknown");
        }
        var o = d.overall();
        boolean met = all == 0 && o.missing() == 0 && o.duplicated() == 0;
        return Verdict.judged(question, format(Locale.ROOT, "%,d errors, %,d missing, %,d duplicated", all, o.missing(), o.duplicated()),
                met, format(Locale.ROOT, "%s; %,d messages accepted (warm-up included), %,d stored%s", perStage, o.accepted(), o.stored(),
                        met ? "" : format(Locale.ROOT, "; missed by %,d errors, %,d missing and %,d duplicated messages", all,
                                o.missing(), o.duplicated())));
    }

    private static Verdict cpuPerRequest(StoreSummary sql, StoreSummary redis, Ceiling ceiling) {
        Window r = top(redis);
        String question = format(Locale.ROOT, "all processes' CPU per request ≤ %.2f ms at the top stage (%d users), normalised to"
                + " the reference host — %s", CPU_MS_PER_REQUEST, r.users(), label(redis.store()));
        Double cpu = r.cpuMsPerOperation().get(ALL_CPU);
        double host = ceiling.redisOpsPerSecond("write");
        if (cpu == null || host == 0) {
            return Verdict.notMeasured(question, cpu == null ? "no CPU samples at the top stage"
                    : "no write_message ceiling in this run to normalise by");
        }
        double normalised = cpu * host / REFERENCE_WRITE_MESSAGE;
        Double sqlCpu = top(sql).cpuMsPerOperation().get(ALL_CPU);
        String other = sqlCpu == null ? "" : format(Locale.ROOT, "; SQL run %.3f → %.3f ms", sqlCpu, sqlCpu * host / REFERENCE_WRITE_MESSAGE);
        boolean met = normalised <= CPU_MS_PER_REQUEST;
        return Verdict.judged(question, format(Locale.ROOT, "%.3f ms", normalised), met, format(Locale.ROOT,
                "%.3f ms measured × %,.0f / %,.0f (this run's write_message ceiling / the reference host's: this host ran at ×%.2f"
                        + " its speed) = %.3f ms%s%s", cpu, host, REFERENCE_WRITE_MESSAGE, host / REFERENCE_WRITE_MESSAGE, normalised,
                other, met ? "" : format(Locale.ROOT, "; missed by %.3f ms (×%.2f the target)", normalised - CPU_MS_PER_REQUEST,
                        normalised / CPU_MS_PER_REQUEST)));
    }

    private static Verdict readerCpu(StoreSummary sql, StoreSummary redis) {
        Window r = top(redis);
        String question = format(Locale.ROOT, "reader CPU per read, Redis ≤ 0.6× SQL (top stage, %d users)", r.users());
        Double a = r.cpuMsPerOperation().get(READER_CPU);
        Double b = top(sql).cpuMsPerOperation().get(READER_CPU);
        if (a == null || b == null || b == 0) {
            return Verdict.notMeasured(question, "no CPU samples of the reader at the top stage");
        }
        boolean met = a <= 0.6 * b;
        return Verdict.judged(question, format(Locale.ROOT, "×%.2f", a / b), met, format(Locale.ROOT,
                "Redis %.3f vs SQL %.3f ms of the reader's CPU per read%s", a, b, met ? ""
                        : format(Locale.ROOT, "; 0.6× would be ≤ %.3f ms, missed by %.3f ms", 0.6 * b, a - 0.6 * b)));
    }

    private static Verdict reads(StoreSummary sql, StoreSummary redis) {
        Window r = top(redis);
        Window s = top(sql);
        String question = format(Locale.ROOT, "full-stack reads/s, Redis ≥ 1.2× SQL (top stage, %d users)", r.users());
        double ratio = r.readsPerSecond() / Math.max(s.readsPerSecond(), 1e-9);
        double goal = 1.2 * s.readsPerSecond();
        boolean met = ratio >= 1.2;
        return Verdict.judged(question, format(Locale.ROOT, "×%.2f", ratio), met, format(Locale.ROOT,
                "%,.0f vs %,.0f reads/s; read p95 %,d vs %,d ms%s", r.readsPerSecond(), s.readsPerSecond(), r.read().p95(), s.read().p95(),
                met ? "" : format(Locale.ROOT, "; 1.2× would be %,.0f reads/s, missed by %,.0f (%.0f %%)", goal, goal - r.readsPerSecond(),
                        100 * (goal - r.readsPerSecond()) / goal)));
    }
}
