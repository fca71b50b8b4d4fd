package dev.chat.loadtest.report;

import static java.lang.String.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.chat.loadtest.report.Summary.StoreSummary;
import dev.chat.loadtest.report.Summary.Verdict;
import dev.chat.loadtest.report.Summary.Window;

/**
 * The customer's acceptance criteria and the team's targets for the Redis store, answered from the figures.
 * "The top stage" is the last one: 1000 users in the full profile (100 in the short one, where the absolute
 * targets are only indicative).
 */
final class Verdicts {

    /** Sends count as "no slower" within this margin of the SQL figure (run-to-run noise on a shared machine). */
    static final double WRITE_MARGIN = 1.10;

    private Verdicts() {
    }

    static List<Verdict> acceptance(StoreSummary sql, StoreSummary redis) {
        Window s = top(sql);
        Window r = top(redis);
        boolean faster = redis.overall().readsPerSecond() > sql.overall().readsPerSecond() && r.read().p95() < s.read().p95();
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(new Verdict("Does Redis (UDF) speed up reading dialogs?", faster ? "yes" : "no", faster, format(Locale.ROOT,
                "reads/s over the run %,.0f vs %,.0f SQL (x%.2f); at %d users read p95 %d ms vs %d ms, p99 %d vs %d ms, p50 %d vs %d ms",
                redis.overall().readsPerSecond(), sql.overall().readsPerSecond(),
                redis.overall().readsPerSecond() / sql.overall().readsPerSecond(), r.users(), r.read().p95(), s.read().p95(),
                r.read().p99(), s.read().p99(), r.read().p50(), s.read().p50())));
        boolean noSlower = writesNoSlower(sql, redis);
        verdicts.add(new Verdict("Does it leave writing no slower?", noSlower ? "yes" : "no", noSlower, writeEvidence(sql, redis)));
        return verdicts;
    }

    static List<Verdict> targets(StoreSummary sql, StoreSummary redis, Map<String, Object> ceiling) {
        Window r = top(redis);
        Window s = top(sql);
        List<Verdict> targets = new ArrayList<>();
        long errors = redis.stages().stream().mapToLong(Window::errors).sum();
        targets.add(new Verdict("0 errors at every stage, incl. the top one", errors + " errors", errors == 0,
                "errors per stage: " + redis.stages().stream().map(w -> String.valueOf(w.errors())).toList()));
        targets.add(new Verdict(format(Locale.ROOT, ">= 3,000 RPS mixed at the top stage (%d users)", r.users()),
                format(Locale.ROOT, "%,.0f RPS", r.rps()), r.rps() >= 3000, missedBy(r.rps(), 3000, "RPS")));
        targets.add(new Verdict(format(Locale.ROOT, "history reads p99 <= 100 ms at %d users", r.users()),
                r.read().p99() + " ms", r.read().p99() <= 100, r.read().p99() <= 100 ? ""
                : format(Locale.ROOT, "%d ms over. %d users without think time keep %d requests in flight: by Little's law"
                        + " the mean latency is users / RPS = %.0f ms at %,.0f RPS, so a p99 of 100 ms needs well over %,d RPS",
                        r.read().p99() - 100, r.users(), r.users(), 1000.0 * r.users() / r.rps(), r.rps(), r.users() * 10)));
        double ceiling50 = ((Number) ceiling.getOrDefault("showMessages50", 0)).doubleValue();
        double ceiling100 = ((Number) ceiling.getOrDefault("showMessages100", 0)).doubleValue();
        double share = ceiling50 == 0 ? 0 : r.readsPerSecond() / ceiling50;
        targets.add(new Verdict("full-stack history reads >= 25 % of the raw ceiling (show_messages(50))",
                format(Locale.ROOT, "%.0f %% (%,.0f of %,.0f reads/s)", share * 100, r.readsPerSecond(), ceiling50), share >= 0.25,
                format(Locale.ROOT, "the reader asks for 100 messages a read: %.0f %% of the show_messages(100) ceiling (%,.0f/s)",
                        ceiling100 == 0 ? 0 : 100 * r.readsPerSecond() / ceiling100, ceiling100)));
        double readRatio = r.readsPerSecond() / Math.max(s.readsPerSecond(), 1e-9);
        targets.add(new Verdict(format(Locale.ROOT, "Redis >= 2x SQL on history reads (reads/s at %d users)", r.users()),
                format(Locale.ROOT, "x%.2f", readRatio), readRatio >= 2, format(Locale.ROOT,
                "%,.0f vs %,.0f reads/s; read p95 %d vs %d ms", r.readsPerSecond(), s.readsPerSecond(), r.read().p95(), s.read().p95())));
        boolean noSlower = writesNoSlower(sql, redis);
        targets.add(new Verdict("writes no slower than SQL", noSlower ? "no slower" : "slower", noSlower, writeEvidence(sql, redis)));
        return targets;
    }

    /**
     * The write path judged by its own latencies: the send's p95 within the margin of SQL's at every stage, and
     * accepted → stored p95 over the run within the margin. Not by writes/s: in a closed loop of read, send, read
     * the sends per second follow the iterations, whose time is mostly the two reads.
     */
    private static boolean writesNoSlower(StoreSummary sql, StoreSummary redis) {
        for (int i = 0; i < Math.min(sql.stages().size(), redis.stages().size()); i++) {
            if (redis.stages().get(i).send().p95() > WRITE_MARGIN * sql.stages().get(i).send().p95()) {
                return false;
            }
        }
        var a = sql.overall().acceptedToStored();
        var b = redis.overall().acceptedToStored();
        return a == null || b == null || b.p95() <= WRITE_MARGIN * a.p95();
    }

    private static String writeEvidence(StoreSummary sql, StoreSummary redis) {
        StringBuilder e = new StringBuilder("send p95 Redis / SQL per stage (ms): ");
        for (int i = 0; i < Math.min(sql.stages().size(), redis.stages().size()); i++) {
            e.append(i == 0 ? "" : ", ").append(redis.stages().get(i).send().p95()).append('/').append(sql.stages().get(i).send().p95());
        }
        Window r = top(redis);
        Window s = top(sql);
        var a = sql.overall().acceptedToStored();
        var b = redis.overall().acceptedToStored();
        if (a != null && b != null) {
            e.append(format(Locale.ROOT, "; accepted -> stored p95 over the run %,d vs %,d ms", b.p95(), a.p95()));
        }
        e.append(format(Locale.ROOT, ". (Writes/s, %,.0f vs %,.0f at %d users, follow the reads in a closed loop of read,"
                + " send, read, so they are not the write path's measure.)", r.writesPerSecond(), s.writesPerSecond(), r.users()));
        return e.toString();
    }

    private static String missedBy(double value, double goal, String unit) {
        return value >= goal ? "" : format(Locale.ROOT, "missed by %,.0f %s (%.0f %%)", goal - value, unit, 100 * (goal - value) / goal);
    }

    private static Window top(StoreSummary store) {
        return store.stages().get(store.stages().size() - 1);
    }
}
