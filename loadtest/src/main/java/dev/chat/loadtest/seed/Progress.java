package dev.chat.loadtest.seed;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The seed's progress line, every two seconds on stderr: what is being written, how far, how fast. */
final class Progress implements AutoCloseable {

    private final String what;
    private final long total;
    private final AtomicLong done = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "seed-progress");
        t.setDaemon(true);
        return t;
    });

    Progress(String what, long total) {
        this.what = what;
        this.total = total;
        timer.scheduleAtFixedRate(this::print, 2, 2, TimeUnit.SECONDS);
    }

    void add(long n) {
        done.addAndGet(n);
    }

    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void print() {
        long now = done.get();
        System.err.printf(Locale.ROOT, "seed: %-10s %,d / %,d (%.0f%%) %,.0f/s%n", what, now, total,
                total == 0 ? 100.0 : 100.0 * now / total, now / Math.max(seconds(), 1e-3));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        print();
    }
}
