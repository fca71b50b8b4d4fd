package dev.chat.boot.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.context.SmartLifecycle;

/**
 * Probes Kafka every {@code probeInterval} on a daemon thread of its own and hands the outcome to
 * {@link KafkaReachability}, which decides what to log. Runs from the context's start to its stop.
 */
final class KafkaReachabilityReporter implements SmartLifecycle {

    private final KafkaProbe probe;
    private final KafkaReachability reachability;
    private final Duration probeInterval;
    private final Clock clock;
    private volatile ScheduledExecutorService scheduler;

    KafkaReachabilityReporter(KafkaProbe probe, KafkaReachability reachability, Duration probeInterval, Clock clock) {
        this.probe = probe;
        this.reachability = reachability;
        this.probeInterval = probeInterval;
        this.clock = clock;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kafka-reachability");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::probeOnce, 0, probeInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void probeOnce() {
        try {
            probe.describe();
            reachability.reached(clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping
        } catch (ExecutionException e) {
            reachability.failed(clock.instant(), e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            reachability.failed(clock.instant(), e);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        scheduler = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
