package dev.chat.loadtest.collect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The ceiling's client harness, the same for both stores: {@code threads} threads call one operation in a loop
 * without pause; after {@code warmup} seconds the calls completed during {@code seconds} are counted, and the CPU
 * the store server and this JVM used in that window is read from {@code /proc} ({@link ProcCpu}).
 */
final class Throughput {

    /** One call of the measured operation; {@code seq} is unique across threads (for rotating over data). */
    @FunctionalInterface
    interface Op {
        void call(long seq) throws Exception;
    }

    /** Where the store server runs: {@code part} {@code postgres} counts the postmaster's children too. */
    record Server(String part, long pid) {
    }

    /**
     * What one measured window gave.
     *
     * @param calls        calls completed in the window
     * @param seconds      the window's length
     * @param serverTicks  the store server's user + system CPU in the window, in clock ticks
     * @param clientTicks  this JVM's, likewise
     */
    record Run(long calls, double seconds, long serverTicks, long clientTicks) {
    }

    private static final String CLIENT = "client";

    private final int threads;
    private final int warmup;
    private final int seconds;

    Throughput(int threads, int warmup, int seconds) {
        this.threads = threads;
        this.warmup = warmup;
        this.seconds = seconds;
    }

    Run measure(String name, Server server, Op op) throws IOException, InterruptedException {
        ProcCpu cpu = new ProcCpu(Map.of(server.part(), server.pid(), CLIENT, ProcessHandle.current().pid()));
        Workers workers = new Workers(name, op);
        Map<String, Long> before;
        Map<String, Long> after;
        double elapsed;
        try {
            Thread.sleep(warmup * 1000L);
            before = cpu.sample();
            workers.counting.set(true);
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            workers.counting.set(false);
            elapsed = (System.nanoTime() - start) / 1e9;
            after = cpu.sample();
        } finally {
            workers.stop();
        }
        if (workers.failure.get() != null) {
            throw new IllegalStateException("ceiling: " + name + " failed: " + workers.failure.get(), workers.failure.get());
        }
        return new Run(workers.calls.sum(), elapsed, delta(after, before, server.part()), delta(after, before, CLIENT));
    }

    /** The threads calling the operation without pause until stopped; the first failure stops them all. */
    private final class Workers {

        final AtomicBoolean counting = new AtomicBoolean();
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicReference<Exception> failure = new AtomicReference<>();
        final LongAdder calls = new LongAdder();
        private final List<Thread> threadList = new ArrayList<>(threads);

        Workers(String name, Op op) {
            for (int t = 0; t < threads; t++) {
                long first = t;
                Thread worker = new Thread(() -> loop(op, first), "ceiling-" + name + "-" + t);
                worker.start();
                threadList.add(worker);
            }
        }

        private void loop(Op op, long first) {
            try {
                for (long seq = first; running.get(); seq += threads) {
                    op.call(seq);
                    if (counting.get()) {
                        calls.increment();
                    }
                }
            } catch (Exception e) {
                failure.compareAndSet(null, e);
                running.set(false);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread worker : threadList) {
                worker.join();
            }
        }
    }

    private static long delta(Map<String, Long> after, Map<String, Long> before, String part) {
        return after.getOrDefault(part, 0L) - before.getOrDefault(part, 0L);
    }
}
