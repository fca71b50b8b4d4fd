package dev.chat.loadtest.run;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The run's progress line (instead of Gatling's console block): where it is, the users, the RPS of the last
 * interval (reads + sends) and per operation, and the errors so far (all operations). For example
 * {@code 4:12 stage 4/4 (1000 users) | users 1000 | 3,050 req/s (read 2,033, send 1,017) | errors 0}.
 */
public final class ProgressPrinter implements AutoCloseable {

    private final RunRecorder recorder;
    private final String label;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "loadtest-progress");
        t.setDaemon(true);
        return t;
    });
    private Map<String, long[]> last;
    private long lastNanos = System.nanoTime();

    public ProgressPrinter(RunRecorder recorder, String label, int periodSeconds) {
        this.recorder = recorder;
        this.label = label;
        this.last = recorder.totals();
        timer.scheduleAtFixedRate(this::print, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    private synchronized void print() {
        Map<String, long[]> now = recorder.totals();
        long nanos = System.nanoTime();
        double seconds = (nanos - lastNanos) / 1e9;
        StringBuilder perOp = new StringBuilder();
        long all = 0;
        long errors = 0;
        for (Map.Entry<String, long[]> e : now.entrySet()) {
            long delta = e.getValue()[0] - last.get(e.getKey())[0];
            all += RunRecorder.MIXED.contains(e.getKey()) ? delta : 0;
            errors += e.getValue()[1];
            if (delta == 0 && !RunRecorder.MIXED.contains(e.getKey())) {
                continue;
            }
            perOp.append(perOp.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
                    .append(String.format(Locale.ROOT, "%,.0f", delta / seconds));
        }
        System.out.printf(Locale.ROOT, "%s %s | users %4d | %,6.0f req/s (%s) | errors %d%n", label,
                recorder.position(System.currentTimeMillis()), recorder.activeUsers(), all / seconds, perOp, errors);
        System.out.flush();
        last = now;
        lastNanos = nanos;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
