package dev.chat.boot.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What is logged for a sequence of probe outcomes; the instants are given, so no test waits. */
class KafkaReachabilityTests {

    private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");
    private static final TimeoutException NO_ANSWER = new TimeoutException("Timed out waiting for a node assignment.");

    private final KafkaReachability reachability = new KafkaReachability("127.0.0.1:9092", Duration.ofSeconds(30),
            () -> List.of("sends: 2 awaiting Kafka's acknowledgement", "consumer groups writer on chat.message-commands"));
    @RegisterExtension
    final ReportLines lines = new ReportLines();

    @Test
    void aReachableKafkaLogsNothing() {
        reachability.reached(T0);
        reachability.reached(T0.plusSeconds(5));

        assertThat(lines.events()).isEmpty();
        assertThat(reachability.isReachable()).isTrue();
    }

    @Test
    void anOutageIsReportedAtOnceWithWhatWaitsThenAtMostOncePerReportInterval() {
        for (int second : new int[] {0, 5, 29, 30, 45, 59, 61, 90, 91}) {
            reachability.failed(T0.plusSeconds(second), NO_ANSWER);
        }

        assertThat(lines.events()).extracting(ILoggingEvent::getLevel).containsOnly(Level.WARN);
        assertThat(lines.events()).extracting(ILoggingEvent::getFormattedMessage)
                .satisfiesExactly(
                        first -> assertThat(first).startsWith("Kafka unreachable at 127.0.0.1:9092 for 0 s")
                                .contains("Timed out waiting for a node assignment")
                                .contains("waiting: sends: 2 awaiting Kafka's acknowledgement; consumer groups writer on chat.message-commands"),
                        second -> assertThat(second).startsWith("Kafka unreachable at 127.0.0.1:9092 for 30 s"),
                        third -> assertThat(third).startsWith("Kafka unreachable at 127.0.0.1:9092 for 61 s"),
                        fourth -> assertThat(fourth).startsWith("Kafka unreachable at 127.0.0.1:9092 for 91 s"));
        assertThat(reachability.isReachable()).isFalse();
    }

    @Test
    void theEndOfAnOutageIsReportedOnceAndTheNextOutageAtOnce() {
        reachability.failed(T0, NO_ANSWER);
        reachability.reached(T0.plusSeconds(42));
        reachability.reached(T0.plusSeconds(47));
        reachability.failed(T0.plusSeconds(50), NO_ANSWER);

        assertThat(lines.events()).extracting(ILoggingEvent::getFormattedMessage).satisfiesExactly(
                outage -> assertThat(outage).startsWith("Kafka unreachable"),
                recovery -> assertThat(recovery).isEqualTo("Kafka reachable again at 127.0.0.1:9092 after 42 s unreachable"),
                nextOutage -> assertThat(nextOutage).startsWith("Kafka unreachable at 127.0.0.1:9092 for 0 s"));
        assertThat(lines.events().get(1).getLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void aBacklogThatCannotBeDescribedStillLetsTheOutageBeReported() {
        KafkaReachability failing = new KafkaReachability("k:9092", Duration.ofSeconds(30), () -> {
            throw new IllegalStateException("closing");
        });

        failing.failed(T0, NO_ANSWER);

        assertThat(lines.events()).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .startsWith("Kafka unreachable at k:9092").contains("could not be described");
    }
}
