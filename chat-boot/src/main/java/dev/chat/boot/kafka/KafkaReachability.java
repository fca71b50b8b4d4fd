package dev.chat.boot.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the service says about Kafka's reachability, given the outcome of each probe. The Kafka clients' own lines per
 * failed connection attempt are off in the services' YAML; this is what replaces them:
 * <ul>
 *   <li>the first failed probe after a success (or at start) logs a WARN "Kafka unreachable" with the cause and what is
 *       waiting ({@link KafkaBacklog}, listener containers);</li>
 *   <li>while the outage lasts, the same WARN again at most once per {@code reportInterval}, with how long it has lasted;</li>
 *   <li>the first successful probe after an outage logs one INFO "Kafka reachable again".</li>
 * </ul>
 * A service that reaches Kafka logs nothing here. Thread-safe; time comes from the caller, so tests need no clock.
 */
final class KafkaReachability {

    private static final Logger log = LoggerFactory.getLogger(KafkaReachability.class);

    private final String bootstrap;
    private final Duration reportInterval;
    private final Supplier<List<String>> waiting;
    private Instant unreachableSince;
    private Instant lastReport;

    KafkaReachability(String bootstrap, Duration reportInterval, Supplier<List<String>> waiting) {
        this.bootstrap = bootstrap;
        this.reportInterval = reportInterval;
        this.waiting = waiting;
    }

    synchronized boolean isReachable() {
        return unreachableSince == null;
    }

    /** A probe got an answer at {@code now}. */
    synchronized void reached(Instant now) {
        if (unreachableSince != null) {
            log.info("Kafka reachable again at {} after {} unreachable", bootstrap, seconds(unreachableSince, now));
        }
        unreachableSince = null;
        lastReport = null;
    }

    /** A probe got no answer at {@code now}. */
    synchronized void failed(Instant now, Throwable cause) {
        if (unreachableSince == null) {
            unreachableSince = now;
        }
        if (lastReport != null && Duration.between(lastReport, now).compareTo(reportInterval) < 0) {
            return;
        }
        lastReport = now;
        log.atWarn().addKeyValue("kafkaUnreachableSeconds", Duration.between(unreachableSince, now).toSeconds())
                .log("Kafka unreachable at {} for {} (since {}); waiting: {}; last error: {}; the clients retry with "
                        + "back-off, next report in {} if it lasts", bootstrap, seconds(unreachableSince, now), unreachableSince,
                        describeWaiting(), rootMessage(cause), reportInterval.toSeconds() + " s");
    }

    private String describeWaiting() {
        try {
            List<String> parts = waiting.get();
            return parts.isEmpty() ? "nothing" : String.join("; ", parts);
        } catch (RuntimeException e) { // the report must not die of a description
            return "(could not be described: " + e + ")";
        }
    }

    private static String seconds(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() + " s";
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
