package dev.chat.loadtest.report;

import static java.lang.String.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.chat.loadtest.report.Summary.Verdict;

/** The team's targets at the store (the stores alone, {@code ceiling.json}), judged where the file has the figures. */
final class StoreTargets {

    static final double NEWEST100_TO_NEWEST50 = 0.45;
    static final double CPU_TO_POSTGRES = 0.5;
    static final double MEMORY_RATIO = 1.15;
    static final int MEMORY_DIALOG_SIZE = 128;

    private StoreTargets() {
    }

    static List<Verdict> atTheStore(Ceiling ceiling) {
        return List.of(newest100(ceiling), serverCpu(ceiling), memory(ceiling));
    }

    /** Twice the messages a call should cost at most about twice: newest 100 ≥ 0.45× the calls/s of newest 50. */
    private static Verdict newest100(Ceiling ceiling) {
        String question = format(Locale.ROOT, "at the store: Redis newest-100 calls/s ≥ %.2f× newest-50", NEWEST100_TO_NEWEST50);
        double n100 = ceiling.redisOpsPerSecond("newest100");
        double n50 = ceiling.redisOpsPerSecond("newest50");
        if (n100 == 0 || n50 == 0) {
            return Verdict.notMeasured(question, "no Redis show_messages figures (ceiling.json)");
        }
        double goal = NEWEST100_TO_NEWEST50 * n50;
        boolean met = n100 >= goal;
        return Verdict.judged(question, format(Locale.ROOT, "×%.2f", n100 / n50), met, format(Locale.ROOT,
                "newest 100: %,.0f calls/s, newest 50: %,.0f%s", n100, n50, met ? ""
                        : format(Locale.ROOT, "; %.2f× would be %,.0f calls/s, missed by %,.0f (%.0f %%)", NEWEST100_TO_NEWEST50, goal,
                        goal - n100, 100 * (goal - n100) / goal)));
    }

    private static Verdict serverCpu(Ceiling ceiling) {
        String question = format(Locale.ROOT, "at the store: Redis server CPU per newest-100 call ≤ %.1f× PostgreSQL's", CPU_TO_POSTGRES);
        Double redis = ceiling.figure("redis", "newest100", "serverCpuMsPerOp");
        Double sql = ceiling.figure("postgres", "newest100", "serverCpuMsPerOp");
        if (redis == null || sql == null || sql == 0) {
            return Verdict.notMeasured(question, legacyOr(ceiling, "no server CPU per call for both stores (ceiling.json)"));
        }
        boolean met = redis <= CPU_TO_POSTGRES * sql;
        return Verdict.judged(question, format(Locale.ROOT, "×%.2f", redis / sql), met, format(Locale.ROOT,
                "Redis %.3f vs PostgreSQL %.3f ms of server CPU a call%s", redis, sql, met ? ""
                        : format(Locale.ROOT, "; %.1f× would be ≤ %.3f ms, missed by %.3f ms", CPU_TO_POSTGRES, CPU_TO_POSTGRES * sql,
                        redis - CPU_TO_POSTGRES * sql)));
    }

    /** The worst ratio over the dialog sizes measured up to 128 messages (the main data set's and byDialogSize's). */
    private static Verdict memory(Ceiling ceiling) {
        String question = format(Locale.ROOT, "at the store: Redis memory ≤ %.2f× the members' bytes (dialogs up to %d messages)",
                MEMORY_RATIO, MEMORY_DIALOG_SIZE);
        List<double[]> sizes = new ArrayList<>(ceiling.byDialogSize("redis"));
        Double size = ceiling.memory("redis", "messagesPerDialog");
        Double ratio = ceiling.memory("redis", "ratioToMembers");
        // byDialogSize usually measures the main data set's size again, to the same ratio: list such a figure once
        if (size != null && ratio != null && sizes.stream().noneMatch(s -> s[0] == size && Math.abs(s[1] - ratio) < 0.0005)) {
            sizes.add(new double[] {size, ratio});
        }
        List<double[]> judged = sizes.stream().filter(s -> s[0] <= MEMORY_DIALOG_SIZE).toList();
        if (judged.isEmpty()) {
            return Verdict.notMeasured(question, legacyOr(ceiling, "no Redis memory figures up to " + MEMORY_DIALOG_SIZE
                    + " messages a dialog (ceiling.json)"));
        }
        double[] worst = judged.stream().max((a, b) -> Double.compare(a[1], b[1])).orElseThrow();
        boolean met = worst[1] <= MEMORY_RATIO;
        List<String> all = sizes.stream().sorted((a, b) -> Double.compare(a[0], b[0]))
                .map(s -> format(Locale.ROOT, "%.0f messages ×%.3f%s", s[0], s[1], s[0] > MEMORY_DIALOG_SIZE ? " (beyond the target)" : ""))
                .toList();
        return Verdict.judged(question, format(Locale.ROOT, "×%.3f (%.0f messages a dialog)", worst[1], worst[0]), met,
                "store bytes ÷ members' bytes by dialog size: " + String.join(", ", all) + (met ? ""
                        : format(Locale.ROOT, "; missed by %.3f", worst[1] - MEMORY_RATIO)));
    }

    private static String legacyOr(Ceiling ceiling, String why) {
        return ceiling.any() && !ceiling.perStore()
                ? "this run's ceiling.json predates the per-store benchmark (Redis calls/s only)" : why;
    }
}
