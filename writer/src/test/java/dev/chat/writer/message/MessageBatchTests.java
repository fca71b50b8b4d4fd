package dev.chat.writer.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.chat.common.command.MessageEvent;
import dev.chat.common.command.RequestIds;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.writer.Commands;
import dev.chat.writer.PausedListener;
import dev.chat.writer.TopicProbe;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A poll's commands handled at once keep every guarantee of one record at a time. The commands of each test
 * share a dialog (so a partition) and are sent while the listener is paused, so that they arrive together.
 */
class MessageBatchTests extends MessagePathTest {

    @Test
    void storesAPollsCommandsWithFewerStoreCallsAndPublishesTheirEventsInOffsetOrder() {
        UUID author = Commands.user();
        UUID friend = Commands.user();
        UUID stranger = Commands.user();
        UUID dialog = dialogOf(author, friend);
        dialogOf(author, stranger);
        List<SendMessageCommand> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(i % 2 == 0 ? Commands.send(dialog, author, friend, "m" + i)
                    : Commands.send(dialog, friend, author, "m" + i));
        }
        // the pair author + stranger has another dialog: rejected, between the others
        SendMessageCommand mismatch = Commands.send(dialog, author, stranger, "wrong dialog");
        sent.add(10, mismatch);
        HistogramSnapshot before = batchSizes();

        try (PausedListener paused = pauseMessageCommands()) {
            sent.forEach(this::sendCommand);
        }

        await().atMost(WAIT).until(() -> writtenIdsOf(dialog).size() == sent.size());
        assertThat(writtenIdsOf(dialog)).containsExactlyElementsOf(ids(sent));
        assertThat(events(mismatch.messageId())).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(MessageEvent.Type.REJECTED);
            assertThat(event.reason()).isEqualTo(MessageWriter.DIALOG_MISMATCH);
        });
        assertThat(redis.messages(dialog)).hasSize(20);
        HistogramSnapshot after = batchSizes();
        assertThat(after.total() - before.total()).isEqualTo(20);
        assertThat(after.count() - before.count()).isLessThan(20);
    }

    @Test
    void deadLettersAPoisonRecordInTheMiddleOfABatchAloneAndStoresTheOthersOnceInOrder() {
        UUID author = Commands.user();
        UUID friend = Commands.user();
        UUID dialog = dialogOf(author, friend);
        List<SendMessageCommand> before = List.of(Commands.send(dialog, author, friend, "before 1"),
                Commands.send(dialog, friend, author, "before 2"));
        byte[] poison = ("{not json " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        List<SendMessageCommand> after = List.of(Commands.send(dialog, author, friend, "after 1"),
                Commands.send(dialog, friend, author, "after 2"));
        double poisonBefore = retries("poison");

        try (PausedListener paused = pauseMessageCommands()) {
            before.forEach(this::sendCommand);
            send(kafka.topics().messageCommands(), dialog.toString(), poison);
            after.forEach(this::sendCommand);
        }

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(poison);
        assertThat(header(dead, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
        await().atMost(WAIT).until(() -> writtenIdsOf(dialog).size() == 4);
        assertThat(writtenIdsOf(dialog)).containsExactlyElementsOf(ids(before, after));
        assertThat(redis.messages(dialog)).hasSize(4);
        assertThat(retries("poison") - poisonBefore).isEqualTo(1);
    }

    @Test
    void handlesAFailedBatchOneByOneAndDeadLettersOnlyTheCommandTheStoreRefusesAtOnce() {
        UUID author = Commands.user();
        UUID friend = Commands.user();
        UUID dialog = dialogOf(author, friend);
        SendMessageCommand first = Commands.send(dialog, author, friend, "before the refused one");
        SendMessageCommand valid = Commands.send(dialog, friend, author, "far future");
        // passes the writer's checks, but write_message refuses a ts of more than 15 digits: the batch write fails
        SendMessageCommand refused = new SendMessageCommand(valid.messageId(), dialog, friend, author, valid.text(),
                1_000_000_000_000_000L, null);
        SendMessageCommand last = Commands.send(dialog, author, friend, "after the refused one");
        double unexpectedBefore = retries("unexpected");

        try (PausedListener paused = pauseMessageCommands()) {
            List.of(first, refused, last).forEach(this::sendCommand);
        }

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(TopicProbe.json(refused));
        assertThat(header(dead, "kafka_dlt-exception-message"))
                .containsPattern("BADARG chat\\.write_(inbox_)?message: ts must be epoch milliseconds"); // with the inbox or not
        await().atMost(WAIT).until(() -> writtenIdsOf(dialog).size() == 2);
        assertThat(writtenIdsOf(dialog)).containsExactly(first.messageId(), last.messageId());
        // the library's BADARG: poison, not retried as an unexpected failure (2 attempts in these tests)
        assertThat(retries("unexpected") - unexpectedBefore).isZero();
        assertThat(redis.messages(dialog)).hasSize(2);
    }

    @Test
    void logsEachCommandOfABatchWithItsOwnRequestId() {
        UUID noDialog = UUID.randomUUID();
        SendMessageCommand one = Commands.send(noDialog, Commands.user(), Commands.user(), "first");
        SendMessageCommand two = Commands.send(noDialog, Commands.user(), Commands.user(), "second");
        Logger logger = (Logger) LoggerFactory.getLogger(MessageWriter.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            try (PausedListener paused = pauseMessageCommands()) {
                send(withRequestId(one, "req-batch-1"));
                send(withRequestId(two, "req-batch-2"));
            }

            awaitEvents(one.messageId(), 1); // rejected (no such dialog): logged at INFO
            awaitEvents(two.messageId(), 1);
            await().atMost(WAIT).until(() -> loggedWith(lines, one, "req-batch-1") && loggedWith(lines, two, "req-batch-2"));
            assertThat(loggedWith(lines, one, "req-batch-2")).isFalse();
        } finally {
            logger.detachAppender(lines);
        }
    }

    private HistogramSnapshot batchSizes() {
        return meters.get(WriterMetrics.BATCH_SIZE).summary().takeSnapshot();
    }

    private ProducerRecord<String, byte[]> withRequestId(SendMessageCommand command, String requestId) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(kafka.topics().messageCommands(),
                command.dialogId().toString(), TopicProbe.json(command));
        record.headers().add(RequestIds.KAFKA_HEADER, requestId.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static boolean loggedWith(ListAppender<ILoggingEvent> lines, SendMessageCommand command, String requestId) {
        return List.copyOf(lines.list).stream().map(ILoggingEvent::getMDCPropertyMap)
                .anyMatch(mdc -> requestId.equals(mdc.get(RequestIds.MDC_KEY))
                        && command.messageId().toString().equals(mdc.get("messageId")));
    }

    @SafeVarargs
    private static List<UUID> ids(List<SendMessageCommand>... commands) {
        return Arrays.stream(commands).flatMap(List::stream).map(SendMessageCommand::messageId).toList();
    }
}
