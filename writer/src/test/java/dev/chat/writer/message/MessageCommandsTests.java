package dev.chat.writer.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.chat.common.command.MessageEvent;
import dev.chat.common.command.RequestIds;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.common.dialog.InboxEntry;
import dev.chat.writer.Commands;
import dev.chat.writer.TopicProbe;
import io.lettuce.core.ScoredValue;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MessageCommandsTests extends MessagePathTest {

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
    void keepsBothInboxesOnceAlsoWhenTheCommandIsRedelivered() {
        UUID author = Commands.user();
        UUID friend = Commands.user();
        UUID dialog = dialogOf(author, friend);
        SendMessageCommand command = Commands.send(dialog, author, friend, "unread");

        sendCommand(command);
        sendCommand(command);

        awaitEvents(command.messageId(), 2);
        InboxEntry recipients = store.showInbox(friend, null, 10).dialogs().get(0);
        assertThat(recipients.dialogId()).isEqualTo(dialog);
        assertThat(recipients.unread()).isEqualTo(1);
        assertThat(recipients.lastMessage().id()).isEqualTo(command.messageId());
        assertThat(recipients.activity()).isEqualTo(command.ts());
        assertThat(store.showInbox(author, null, 10).dialogs().get(0).unread()).isZero();
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
    void logsTheGatewaysRequestIdWithTheMessageId() {
        SendMessageCommand command = Commands.send(UUID.randomUUID(), Commands.user(), Commands.user(), "traced");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(kafka.topics().messageCommands(),
                command.dialogId().toString(), TopicProbe.json(command));
        record.headers().add(RequestIds.KAFKA_HEADER, "req-traced-42".getBytes(StandardCharsets.UTF_8));
        Logger logger = (Logger) LoggerFactory.getLogger(MessageWriter.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            send(record);

            awaitEvents(command.messageId(), 1); // rejected (no such dialog): logged at INFO
            await().atMost(WAIT).until(() -> List.copyOf(lines.list).stream().map(ILoggingEvent::getMDCPropertyMap)
                    .anyMatch(mdc -> "req-traced-42".equals(mdc.get(RequestIds.MDC_KEY))
                            && command.messageId().toString().equals(mdc.get("messageId"))));
        } finally {
            logger.detachAppender(lines);
        }
    }

    @Test
    void exposesTheCommandConsumersLag() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(meters.getMeters().stream()
                .filter(meter -> meter.getId().getName().startsWith("kafka.consumer"))
                .map(meter -> meter.getId().getName() + meter.getId().getTags()).toList())
                // the message-command consumers of group "writer" (the dialog commands' group is writer-dialogs)
                .anyMatch(id -> id.matches("kafka\\.consumer\\.fetch\\.manager\\.records\\.lag\\.max.*client\\.id=consumer-writer-\\d+\\).*")));
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
}
