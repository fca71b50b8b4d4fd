package dev.chat.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer, in a process of its own, is killed with SIGKILL while eight dialogs send over HTTP, sends go on being
 * accepted while no writer runs, and a new writer process starts: it re-reads what the dead one had not committed.
 * Every accepted message is stored once and in sending order, read back through the reader.
 */
class WriterKillTests {

    private static final Logger log = LoggerFactory.getLogger(WriterKillTests.class);
    private static final Duration WAIT = Duration.ofSeconds(120);

    private RunningSystem system;

    @AfterEach
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aWriterKilledUnderTrafficLosesDuplicatesAndReordersNoAcceptedMessage() {
        system = RunningSystem.start(RunningSystem.Store.REDIS, 1, 0);
        try (WriterProcess first = WriterProcess.start(system);
             Traffic traffic = Traffic.start(system, 8)) {
            traffic.awaitAccepted(80, WAIT);
            traffic.awaitStoredInEveryDialog(WAIT); // killed while at work, not before it began
            first.kill();
            traffic.awaitAccepted(40, WAIT); // accepted while no writer runs: they wait in Kafka
            try (WriterProcess second = WriterProcess.start(system)) {
                traffic.awaitAccepted(80, WAIT);
                traffic.close();

                traffic.assertAllStoredOnceInOrder(WAIT);
            }
            log.info("{} sends accepted, {} refused", traffic.accepted(), traffic.refused());
            assertThat(traffic.refused()).as("the gateway accepts while no writer runs").isZero();
        }
    }
}
