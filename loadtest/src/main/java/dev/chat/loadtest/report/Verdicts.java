package dev.chat.loadtest.report;

import static java.lang.String.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.chat.loadtest.report.Summary.StoreSummary;
import dev.chat.loadtest.report.Summary.Verdict;
import dev.chat.loadtest.report.Summary.Window;

/**
 * The customer's two acceptance questions, answered on both levels: at the store (the stores alone, from
 * {@code ceiling.json}) and full stack (the load test); and the team's targets ({@link Targets}, {@link StoreTargets}).
 * "The top stage" is the last one: 1000 users in the full profile (100 in the short one, where the absolute
 * targets are only indicative).
 */
final class Verdicts {

    /** Sends count as "no slower" within this margin of the SQL figure (run-to-run noise on a shared machine). */
    static final double WRITE_MARGIN = 1.10;

    private Verdicts() {
    }

    static List<Verdict> acceptance(StoreSummary sql, StoreSummary redis, Ceiling ceiling) {
        return List.of(reads(sql, redis, ceiling), writes(sql, redis, ceiling));
    }

    /** The targets, in the order the report lists them: full stack first, then at the store. */
    static List<Verdict> targets(StoreSummary sql, StoreSummary redis, Ceiling ceiling) {
        List<Verdict> targets = new ArrayList<>(Targets.fullStack(sql, redis, ceiling));
        targets.addAll(StoreTargets.atTheStore(ceiling));
        return targets;
    }

    private static Verdict reads(StoreSummary sql, StoreSummary redis, Ceiling ceiling) {
        Window s = top(sql);
        Window r = top(redis);
        boolean fullStack = redis.overall().readsPerSecond() > sql.overall().readsPerSecond() && r.read().p95() < s.read().p95();
        String full = format(Locale.ROOT, "Full stack, %s: through the reader over HTTP, with everything on one machine,"
                + " Redis served %,.0f reads/s over the run against SQL's %,.0f (×%.2f); at %d users read p95 %,d vs %,d ms,"
                + " p99 %,d vs %,d ms, p50 %,d vs %,d ms.", fullStack ? "yes" : "no", redis.overall().readsPerSecond(),
                sql.overall().readsPerSecond(), redis.overall().readsPerSecond() / sql.overall().readsPerSecond(), r.users(),
                r.read().p95(), s.read().p95(), r.read().p99(), s.read().p99(), r.read().p50(), s.read().p50());
        Double redisOps = ceiling.figure("redis", "newest100", "opsPerSecond");
        Double sqlOps = ceiling.figure("postgres", "newest100", "opsPerSecond");
        Boolean atStore = redisOps == null || sqlOps == null ? null : redisOps > sqlOps;
        String store = atStore == null ? notCompared(ceiling, "newest100", "newest-100 reads")
                : format(Locale.ROOT, "At the store, %s: reading a dialog's newest 100 messages (what the reader reads), Redis"
                        + " answered %,.0f calls/s against PostgreSQL's %,.0f (×%.2f)%s.", atStore ? "yes" : "no", redisOps, sqlOps,
                        redisOps / sqlOps, serverCpu(ceiling, "newest100"));
        return new Verdict("Does Redis (UDF) speed up reading dialogs?", answer(atStore, fullStack),
                fullStack && (atStore == null || atStore), fullStack && (atStore == null || atStore) ? "met" : "missed",
                store + " " + full);
    }

    private static Verdict writes(StoreSummary sql, StoreSummary redis, Ceiling ceiling) {
        boolean fullStack = writesNoSlower(sql, redis);
        Double redisOps = ceiling.figure("redis", "write", "opsPerSecond");
        Double sqlOps = ceiling.figure("postgres", "write", "opsPerSecond");
        Boolean atStore = redisOps == null || sqlOps == null ? null : redisOps * WRITE_MARGIN >= sqlOps;
        String store = atStore == null ? notCompared(ceiling, "write", "writes")
                : format(Locale.ROOT, "At the store, %s: writing one message, Redis did %,.0f calls/s against PostgreSQL's %,.0f"
                        + " (×%.2f)%s%s.", atStore ? "yes" : "no", redisOps, sqlOps, redisOps / sqlOps, serverCpu(ceiling, "write"),
                        batch(ceiling));
        String full = "Full stack, " + (fullStack ? "yes" : "no") + ": " + writeEvidence(sql, redis);
        boolean met = fullStack && (atStore == null || atStore);
        return new Verdict("Does it leave writing no slower?", answer(atStore, fullStack), met, met ? "met" : "missed",
                store + " " + full);
    }

    private static String answer(Boolean atStore, boolean fullStack) {
        return "at the store: " + (atStore == null ? "not measured" : atStore ? "yes" : "no") + "; full stack: "
                + (fullStack ? "yes" : "no");
    }

    private static String notCompared(Ceiling ceiling, String op, String what) {
        double redis = ceiling.redisOpsPerSecond(op);
        return redis == 0 ? "At the store: not measured in this run."
                : format(Locale.ROOT, "At the store: not compared in this run (its ceiling.json has Redis' figures only: %,.0f %s a"
                        + " second).", redis, what);
    }

    private static String serverCpu(Ceiling ceiling, String op) {
        Double redis = ceiling.figure("redis", op, "serverCpuMsPerOp");
        Double sql = ceiling.figure("postgres", op, "serverCpuMsPerOp");
        return redis == null || sql == null || sql == 0 ? ""
                : format(Locale.ROOT, ", for %.3f ms of the server's CPU a call against %.3f (×%.2f)", redis, sql, redis / sql);
    }

    private static String batch(Ceiling ceiling) {
        Double redis = ceiling.figure("redis", "batch100", "messagesPerSecond");
        Double sql = ceiling.figure("postgres", "batch100", "messagesPerSecond");
        return redis == null || sql == null || sql == 0 ? ""
                : format(Locale.ROOT, "; in batches of 100, %,.0f messages/s against %,.0f (×%.2f)", redis, sql, redis / sql);
    }

    /**
     * The write path judged by its own latencies: the send's p95 within the margin of SQL's at every stage, and
     * accepted → stored p95 over the run within the margin. Not by writes/s: in a closed loop of read, send, read
     * the sends per second follow the iterations, whose time is mostly the two reads.
     */
    static boolean writesNoSlower(StoreSummary sql, StoreSummary redis) {
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
            e.append(format(Locale.ROOT, "; accepted → stored p95 over the run %,d vs %,d ms", b.p95(), a.p95()));
        }
        e.append(format(Locale.ROOT, ". (Writes/s, %,.0f vs %,.0f at %d users, follow the reads in a closed loop of read,"
                + " send, read, so they are not the write path's measure.)", r.writesPerSecond(), s.writesPerSecond(), r.users()));
        return e.toString();
    }

    static Window top(StoreSummary store) {
        return store.stages().get(store.stages().size() - 1);
    }
}
