package dev.chat.loadtest.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.chat.loadtest.profile.Profile;
import dev.chat.loadtest.profile.Stage;
import org.HdrHistogram.Histogram;

/**
 * Every request of a run, filed by the moment it started: into the warm-up or its measured stage, the
 * whole run, and its second (for the charts). Gatling's own report shows the run as a whole; this keeps
 * the per-stage figures the customer reports. Thread-safe: one lock per operation, held for microseconds.
 */
public final class RunRecorder {

    /** The customer's operations: what "requests", "RPS" and "errors" add up (the WebSocket ones are reported apart). */
    public static final Set<String> MIXED = Set.of("read", "send");

    private final Profile profile;
    private final Map<String, Op> ops = new LinkedHashMap<>();
    private final AtomicInteger activeUsers = new AtomicInteger();
    private final Map<String, AtomicLong> counters = new java.util.concurrent.ConcurrentSkipListMap<>();
    private volatile long startMs;

    public RunRecorder(Profile profile, List<String> operations) {
        this.profile = profile;
        for (String name : operations) {
            ops.put(name, new Op(profile));
        }
    }

    /**
     * Marks the start of the run at the first user's start (the injector's time zero), so that deadlines and
     * stages line up with Gatling's injection steps to the millisecond.
     */
    public synchronized void startIfUnset(long epochMs) {
        if (startMs == 0) {
            startMs = epochMs;
        }
    }

    public long startMs() {
        return startMs;
    }

    /**
     * Users started before the first measured stage (in the warm-up, or as Gatling's replacements at its very
     * end) stop when the warm-up ends; the others when the last stage ends.
     */
    public long deadlineFor(long nowMs) {
        return nowMs < startMs + profile.measuredStart() * 1000L ? startMs + profile.warmup().seconds() * 1000L
                : startMs + profile.end() * 1000L;
    }

    /** When the last measured stage ends: the deadline of users that live through the whole run. */
    public long runEndMs() {
        return startMs + profile.end() * 1000L;
    }

    /** The stage a moment belongs to, as a Gatling group name. */
    public String stageLabel(long nowMs) {
        int stage = profile.stageAt((nowMs - startMs) / 1000.0);
        return stage < 0 ? "warm-up" : "stage " + (stage + 1) + ": " + profile.stages().get(stage).name();
    }

    public void userStarted() {
        activeUsers.incrementAndGet();
    }

    public void userStopped() {
        activeUsers.decrementAndGet();
    }

    /**
     * @param latencyMs  Gatling's response time (ignored for failures)
     * @param errorKind  null when the request succeeded
     */
    public void record(String operation, long startedAtMs, long latencyMs, String errorKind) {
        Op op = ops.get(operation);
        double t = (startedAtMs - startMs) / 1000.0;
        int stage = profile.stageAt(t);
        int second = (int) Math.floor(t - profile.measuredStart());
        synchronized (op) {
            op.requests.incrementAndGet();
            if (errorKind != null) {
                op.errors.incrementAndGet();
            }
            record(stage < 0 ? op.warmup : op.stages.get(stage), latencyMs, errorKind);
            if (stage >= 0) {
                record(op.overall, latencyMs, errorKind);
                if (second >= 0 && second < op.seconds.length) {
                    op.seconds[second].add(latencyMs, errorKind != null);
                }
            }
        }
    }

    private static void record(OpStats stats, long latencyMs, String errorKind) {
        if (errorKind == null) {
            stats.ok(latencyMs);
        } else {
            stats.error(errorKind);
        }
    }

    /** Requests and errors so far, by operation: the progress line's source. */
    public Map<String, long[]> totals() {
        Map<String, long[]> totals = new LinkedHashMap<>();
        ops.forEach((name, op) -> totals.put(name, new long[] {op.requests.get(), op.errors.get()}));
        return totals;
    }

    public void count(String counter) {
        counters.computeIfAbsent(counter, c -> new AtomicLong()).incrementAndGet();
    }

    public int activeUsers() {
        return activeUsers.get();
    }

    /** Where the run is: {@code stage 4/4 (1000 users)} or {@code warm-up}, and the elapsed time. */
    public String position(long nowMs) {
        double t = (nowMs - startMs) / 1000.0;
        int stage = profile.stageAt(t);
        String where = t >= profile.end() ? "after the run (draining)"
                : stage < 0 ? (t < profile.warmup().seconds() ? "warm-up" : "pause")
                : "stage " + (stage + 1) + "/" + profile.stages().size() + " (" + profile.stages().get(stage).name() + ")";
        return String.format(Locale.ROOT, "%3d:%02d %-24s", (int) t / 60, (int) t % 60, where);
    }

    public RunResults results() {
        List<StageWindow> stages = new ArrayList<>();
        for (int i = 0; i < profile.stages().size(); i++) {
            Stage s = profile.stages().get(i);
            stages.add(new StageWindow(s.name(), s.users(), s.spawnPerSecond(), s.seconds(), profile.stageStart(i), profile.stageStart(i + 1)));
        }
        Map<String, Figures> warmup = new LinkedHashMap<>();
        Map<String, Figures> overall = new LinkedHashMap<>();
        List<Map<String, Figures>> perStage = new ArrayList<>();
        stages.forEach(s -> perStage.add(new LinkedHashMap<>()));
        Map<String, List<SecondPoint>> series = new LinkedHashMap<>();
        ops.forEach((name, op) -> {
            synchronized (op) {
                warmup.put(name, op.warmup.figures(profile.warmup().seconds()));
                overall.put(name, op.overall.figures(profile.measuredSeconds()));
                for (int i = 0; i < stages.size(); i++) {
                    perStage.get(i).put(name, op.stages.get(i).figures(stages.get(i).seconds()));
                }
                List<SecondPoint> points = new ArrayList<>();
                for (int t = 0; t < profile.measuredSeconds(); t++) {
                    points.add(op.seconds[t].point(t));
                }
                series.put(name, points);
            }
        });
        Map<String, Long> counts = new LinkedHashMap<>();
        counters.forEach((name, n) -> counts.put(name, n.get()));
        return new RunResults(profile.name(), startMs, profile.measuredStart(), profile.end(), stages, warmup, overall,
                perStage, series, counts);
    }

    private static final class Op {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final OpStats warmup = new OpStats();
        final OpStats overall = new OpStats();
        final List<OpStats> stages = new ArrayList<>();
        final Second[] seconds;

        Op(Profile profile) {
            profile.stages().forEach(s -> stages.add(new OpStats()));
            seconds = new Second[profile.measuredSeconds() + 60];
            for (int i = 0; i < seconds.length; i++) {
                seconds[i] = new Second();
            }
        }
    }

    /** One second of one operation; the histogram is coarse (2 digits), it only feeds the p95 chart. */
    private static final class Second {
        private Histogram latency;
        private long requests;
        private long errors;

        void add(long latencyMs, boolean failed) {
            requests++;
            if (failed) {
                errors++;
                return;
            }
            if (latency == null) {
                latency = new Histogram(1, 300_000, 2);
            }
            latency.recordValue(Math.max(1, Math.min(latencyMs, 300_000)));
        }

        SecondPoint point(int t) {
            return new SecondPoint(t, requests, errors, latency == null ? 0 : latency.getValueAtPercentile(95));
        }
    }
}
