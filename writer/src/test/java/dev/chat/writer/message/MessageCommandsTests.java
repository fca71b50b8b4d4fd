package dev.chat.writer.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.chat.common.command.MessageEvent;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.testsupport.TestRedis;
import dev.chat.writer.Commands;
import dev.chat.writer.RedisProbe;
import dev.chat.writer.TopicProbe;
import dev.chat.writer.WriterIntegrationTest;
import io.lettuce.core.ScoredValue;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;

class MessageCommandsTests extends WriterIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static RedisProbe redis;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void connect() {
        redis = new RedisProbe(TestRedis.uri());
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @Test
    void storesMessageOfExistingDialogInTheBriefsLayoutAndPublishesWritten() {
        UUID author = Commands.user();
        UUID friend = Commands.user();
        UUID dialog = dialogOf(author, friend);
        SendMessageCommand command = Commands.send(dialog, author, friend, "hello \"world\" ✓");
        double storedBefore = counter("stored");

        sendCommand(command);

        MessageEvent event = awaitEvents(command.messageId(), 1).get(0);
        assertThat(event.type()).isEqualTo(MessageEvent.Type.WRITTEN);
        assertThat(event.text()).isEqualTo(command.text());
        assertThat(event.storedAt()).isGreaterThanOrEqualTo(command.ts());
        List<ScoredValue<String>> stored = redis.messages(dialog);
        assertThat(stored).hasSize(1);
        assertThat((long) stored.get(0).getScore()).isEqualTo(command.ts());
        assertThat(stored.get(0).getValue())
                .contains("\"id\":\"" + command.messageId() + "\"")
                .contains("\"author_id\":\"" + author + "\"")
                .contains("\"chat_id\":\"" + dialog + "\"")
                .contains("\"message\":\"hello \\\"world\\\" ✓\"");
        assertThat(counter("stored")).isGreaterThan(storedBefore);
    }

    @Test
    void eventIsKeyedByDialog() {
        UUID author = Commands.user();
        UUID friend = Commands.user();
        UUID dialog = dialogOf(author, friend);
        SendMessageCommand command = Commands.send(dialog, author, friend, "keyed");

        sendCommand(command);

        await().atMost(WAIT).until(() -> eventRecords(command.messageId()).size() == 1);
        assertThat(eventRecords(command.messageId()).get(0).key()).isEqualTo(dialog.toString());
    }

    @Test
    void storesARedeliveredCommandOnceAndStillAcknowledgesIt() {
        UUID author = Commands.user();
        UUID friend = Commands.user();
        UUID dialog = dialogOf(author, friend);
        SendMessageCommand command = Commands.send(dialog, author, friend, "twice");
        SendMessageCommand next = Commands.send(dialog, author, friend, "after");
        double duplicatesBefore = counter("duplicate");

        sendCommand(command);
        sendCommand(command);
        sendCommand(next);

        // a WRITTEN event per delivery: the second tells a gateway that missed the first
        assertThat(awaitEvents(command.messageId(), 2)).extracting(MessageEvent::type)
                .containsOnly(MessageEvent.Type.WRITTEN);
        awaitEvents(next.messageId(), 1);
        assertThat(redis.messages(dialog)).hasSize(2);
        assertThat(counter("duplicate")).isGreaterThan(duplicatesBefore);
    }

    @Test
    void rejectsCommandForMissingDialogAndStoresNothing() {
        UUID author = Commands.user();
        UUID friend = Commands.user();
        UUID noDialog = UUID.randomUUID();
        SendMessageCommand command = Commands.send(noDialog, author, friend, "nobody home");

        sendCommand(command);

        MessageEvent event = awaitEvents(command.messageId(), 1).get(0);
        assertThat(event.type()).isEqualTo(MessageEvent.Type.REJECTED);
        assertThat(event.reason()).isEqualTo(MessageWriter.DIALOG_NOT_FOUND);
        assertThat(event.text()).isNull();
        assertThat(redis.messages(noDialog)).isEmpty();
    }

    @Test
    void rejectsCommandNamingAnotherDialogThanThePairs() {
        UUID author = Commands.user();
        UUID friend = Commands.user();
        dialogOf(author, friend);
        UUID otherDialog = dialogOf(author, Commands.user());
        SendMessageCommand command = Commands.send(otherDialog, author, friend, "wrong dialog");

        sendCommand(command);

        MessageEvent event = awaitEvents(command.messageId(), 1).get(0);
        assertThat(event.type()).isEqualTo(MessageEvent.Type.REJECTED);
        assertThat(event.reason()).isEqualTo(MessageWriter.DIALOG_MISMATCH);
        assertThat(redis.messages(otherDialog)).isEmpty();
    }

    @Test
    void deadLettersUnparseableRecordWithItsBytesAndGoesOn() {
        UUID author = Commands.user();
        UUID friend = Commands.user();
        UUID dialog = dialogOf(author, friend);
        byte[] poison = ("{not json " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        SendMessageCommand next = Commands.send(dialog, author, friend, "after the poison");

        // same key, so the same partition: the next record is behind the poison one
        send(kafka.topics().messageCommands(), dialog.toString(), poison);
        sendCommand(next);

        awaitEvents(next.messageId(), 1);
        assertThat(redis.messages(dialog)).hasSize(1);
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(poison);
        assertThat(dead.key()).isEqualTo(dialog.toString());
        assertThat(header(dead, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
        assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(kafka.topics().messageCommands());
    }

    @Test
    void deadLettersCommandMissingARequiredField() {
        UUID author = Commands.user();
        UUID friend = Commands.user();
        UUID dialog = dialogOf(author, friend);
        byte[] noMessageId = ("{\"dialogId\":\"" + dialog + "\",\"authorId\":\"" + author + "\",\"recipientId\":\""
                + friend + "\",\"text\":\"" + UUID.randomUUID() + "\",\"ts\":1700000000000}")
                .getBytes(StandardCharsets.UTF_8);
        SendMessageCommand next = Commands.send(dialog, author, friend, "after the invalid one");

        send(kafka.topics().messageCommands(), dialog.toString(), noMessageId);
        sendCommand(next);

        awaitEvents(next.messageId(), 1);
        awaitDeadLetter(noMessageId);
        assertThat(redis.messages(dialog)).hasSize(1);
    }

    @Test
    void retriesACommandTheStoreRefusesThenDeadLettersItAndGoesOn() {
        UUID author = Commands.user();
        UUID friend = Commands.user();
        UUID dialog = dialogOf(author, friend);
        SendMessageCommand valid = Commands.send(dialog, author, friend, "far future");
        // passes the writer's checks, but write_message refuses a ts of more than 15 digits
        SendMessageCommand refused = new SendMessageCommand(valid.messageId(), dialog, author, friend, valid.text(),
                1_000_000_000_000_000L, null);
        SendMessageCommand next = Commands.send(dialog, author, friend, "after the refused one");
        double unexpectedBefore = retries("unexpected");

        sendCommand(refused);
        sendCommand(next);

        awaitEvents(next.messageId(), 1);
        byte[] refusedBytes = TopicProbe.json(refused);
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(refusedBytes);
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("ts must be epoch milliseconds");
        // chat.kafka.retry.unexpected-attempts=2 in these tests: two deliveries, then the dead letter
        assertThat(retries("unexpected") - unexpectedBefore).isEqualTo(2);
        assertThat(events(refused.messageId())).isEmpty();
        assertThat(redis.messages(dialog)).hasSize(1);
    }

    @Test
    void keepsTheOrderOfOneDialogsBurst() {
        UUID author = Commands.user();
        UUID friend = Commands.user();
        UUID dialog = dialogOf(author, friend);
        List<UUID> sent = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // alternate senders: order must hold across both participants of the dialog
            SendMessageCommand command = i % 2 == 0 ? Commands.send(dialog, author, friend, "m" + i)
                    : Commands.send(dialog, friend, author, "m" + i);
            sent.add(command.messageId());
            sendCommand(command);
        }

        await().atMost(WAIT).until(() -> writtenIdsOf(dialog).size() == sent.size());
        assertThat(writtenIdsOf(dialog)).containsExactlyElementsOf(sent);
        assertThat(redis.messages(dialog)).hasSize(sent.size());
    }

    private void sendCommand(SendMessageCommand command) {
        send(kafka.topics().messageCommands(), command.dialogId().toString(), TopicProbe.json(command));
    }

    private List<MessageEvent> awaitEvents(UUID messageId, int count) {
        await().atMost(WAIT).until(() -> events(messageId).size() >= count);
        List<MessageEvent> events = events(messageId);
        assertThat(events).hasSize(count);
        return events;
    }

    private List<MessageEvent> events(UUID messageId) {
        return clients.events().values(MessageEvent.class, e -> e.messageId().equals(messageId));
    }

    private List<ConsumerRecord<String, byte[]>> eventRecords(UUID messageId) {
        return clients.events().records().stream()
                .filter(r -> TopicProbe.parse(r.value(), MessageEvent.class).messageId().equals(messageId)).toList();
    }

    /** The dialog's events in topic order: one partition (keyed by dialog), by offset. */
    private List<UUID> writtenIdsOf(UUID dialog) {
        List<ConsumerRecord<String, byte[]>> records = clients.events().records().stream()
                .filter(r -> TopicProbe.parse(r.value(), MessageEvent.class).dialogId().equals(dialog))
                .sorted(java.util.Comparator.comparingLong(ConsumerRecord::offset)).toList();
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.isEmpty() ? 0
                : records.get(0).partition());
        return records.stream().map(r -> TopicProbe.parse(r.value(), MessageEvent.class).messageId()).toList();
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(byte[] value) {
        await().atMost(WAIT).until(() -> deadLetters(value).size() == 1);
        return deadLetters(value).get(0);
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(byte[] value) {
        return clients.messageDeadLetters().records().stream()
                .filter(r -> java.util.Arrays.equals(r.value(), value)).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private double retries(String kind) {
        return meters.find("chat.writer.retries").tag("kind", kind).tag("topic", kafka.topics().messageCommands())
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private double counter(String outcome) {
        return meters.get(WriterMetrics.MESSAGES).tag("outcome", outcome).counter().count();
    }
}
