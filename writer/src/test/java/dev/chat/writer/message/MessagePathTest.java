package dev.chat.writer.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.chat.common.command.MessageEvent;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.testsupport.TestRedis;
import dev.chat.writer.PausedListener;
import dev.chat.writer.RedisProbe;
import dev.chat.writer.TopicProbe;
import dev.chat.writer.WriterIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** The send-message path on the shared writer: sending commands and reading what came out. */
abstract class MessagePathTest extends WriterIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    static RedisProbe redis;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeAll
    static void connect() {
        redis = new RedisProbe(TestRedis.uri());
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    /** Until closed, commands sent wait in their partitions, to be fetched together afterwards. */
    PausedListener pauseMessageCommands() {
        return PausedListener.pause(listeners.getListenerContainer(MessageCommandListener.ID));
    }

    void sendCommand(SendMessageCommand command) {
        send(kafka.topics().messageCommands(), command.dialogId().toString(), TopicProbe.json(command));
    }

    List<MessageEvent> awaitEvents(UUID messageId, int count) {
        await().atMost(WAIT).until(() -> events(messageId).size() >= count);
        List<MessageEvent> events = events(messageId);
        assertThat(events).hasSize(count);
        return events;
    }

    List<MessageEvent> events(UUID messageId) {
        return clients.events().values(MessageEvent.class, e -> e.messageId().equals(messageId));
    }

    List<ConsumerRecord<String, byte[]>> eventRecords(UUID messageId) {
        return clients.events().records().stream()
                .filter(r -> TopicProbe.parse(r.value(), MessageEvent.class).messageId().equals(messageId)).toList();
    }

    /** The dialog's events in topic order: one partition (keyed by dialog), by offset. */
    List<UUID> writtenIdsOf(UUID dialog) {
        List<ConsumerRecord<String, byte[]>> records = clients.events().records().stream()
                .filter(r -> TopicProbe.parse(r.value(), MessageEvent.class).dialogId().equals(dialog))
                .sorted(java.util.Comparator.comparingLong(ConsumerRecord::offset)).toList();
        if (!records.isEmpty()) {
            assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
        }
        return records.stream().map(r -> TopicProbe.parse(r.value(), MessageEvent.class).messageId()).toList();
    }

    ConsumerRecord<String, byte[]> awaitDeadLetter(byte[] value) {
        await().atMost(WAIT).until(() -> deadLetters(value).size() == 1);
        return deadLetters(value).get(0);
    }

    List<ConsumerRecord<String, byte[]>> deadLetters(byte[] value) {
        return clients.messageDeadLetters().records().stream()
                .filter(r -> java.util.Arrays.equals(r.value(), value)).toList();
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    double retries(String kind) {
        return meters.find("chat.writer.retries").tag("kind", kind).tag("topic", kafka.topics().messageCommands())
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }

    double counter(String outcome) {
        return meters.get(WriterMetrics.MESSAGES).tag("outcome", outcome).counter().count();
    }
}
