package dev.chat.writer.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.chat.common.command.MessageEvent;
import dev.chat.common.command.MessageEventHeaders;
import dev.chat.common.command.ReadCommand;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.common.dialog.InboxEntry;
import dev.chat.common.dialog.PageCursor;
import dev.chat.writer.Commands;
import dev.chat.writer.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** {@code chat.read-commands}: the marker moves in both inboxes, and every delivery is announced as a READ event. */
class ReadCommandsTests extends MessagePathTest {

    @Test
    void aReadMovesTheMarkerInBothInboxesAndPublishesAReadEventNamingBothUsers() {
        UUID reader = Commands.user();
        UUID friend = Commands.user();
        UUID dialog = dialogOf(reader, friend);
        stored(Commands.send(dialog, friend, reader, "one"));
        SendMessageCommand second = stored(Commands.send(dialog, friend, reader, "two"));
        assertThat(inboxOf(reader, dialog).unread()).isEqualTo(2);

        sendRead(Commands.read(second, reader));

        MessageEvent receipt = awaitReads(second.messageId(), 1).get(0);
        assertThat(receipt).usingRecursiveComparison().ignoringFields("storedAt").isEqualTo(new MessageEvent(
                MessageEvent.Type.READ, second.messageId(), dialog, reader, friend, null, second.ts(), 0, null, null));
        InboxEntry mine = inboxOf(reader, dialog);
        assertThat(mine.unread()).isZero();
        assertThat(mine.readUpTo()).isEqualTo(new PageCursor(second.ts(), second.messageId()));
        assertThat(inboxOf(friend, dialog).friendReadUpTo()).isEqualTo(new PageCursor(second.ts(), second.messageId()));
        ConsumerRecord<String, byte[]> record = readRecords(second.messageId()).get(0);
        assertThat(record.key()).isEqualTo(dialog.toString());
        assertThat(header(record, MessageEventHeaders.AUTHOR)).isEqualTo(reader.toString());
        assertThat(header(record, MessageEventHeaders.RECIPIENT)).isEqualTo(friend.toString());
    }

    @Test
    void aReplayOrAnOlderReadIsPublishedAgainButMovesNothing() {
        UUID reader = Commands.user();
        UUID friend = Commands.user();
        UUID dialog = dialogOf(reader, friend);
        SendMessageCommand older = stored(Commands.send(dialog, friend, reader, "older"));
        SendMessageCommand newer = stored(Commands.send(dialog, friend, reader, "newer"));
        sendRead(Commands.read(newer, reader));
        awaitReads(newer.messageId(), 1);
        SendMessageCommand later = stored(Commands.send(dialog, friend, reader, "after the read"));

        sendRead(Commands.read(older, reader));
        sendRead(Commands.read(newer, reader));

        awaitReads(older.messageId(), 1);
        awaitReads(newer.messageId(), 2);
        InboxEntry mine = inboxOf(reader, dialog);
        assertThat(mine.readUpTo()).isEqualTo(new PageCursor(newer.ts(), newer.messageId()));
        assertThat(mine.unread()).as("only the message after the marker").isEqualTo(1);
        assertThat(mine.lastMessage().id()).isEqualTo(later.messageId());
        assertThat(inboxOf(friend, dialog).friendReadUpTo()).isEqualTo(new PageCursor(newer.ts(), newer.messageId()));
    }

    @Test
    void aReadOfAMessageTheDialogDoesNotHoldIsSkippedWithoutAnEventAndThePartitionGoesOn() {
        UUID reader = Commands.user();
        UUID friend = Commands.user();
        UUID dialog = dialogOf(reader, friend);
        SendMessageCommand message = stored(Commands.send(dialog, friend, reader, "real"));
        ReadCommand missing = Commands.read(Commands.send(dialog, friend, reader, "never sent"), reader);
        ReadCommand otherPair = Commands.read(message, Commands.user());

        sendRead(missing);
        sendRead(otherPair);
        sendRead(Commands.read(message, reader)); // same key, same partition: behind the two skipped ones

        awaitReads(message.messageId(), 1);
        assertThat(reads(missing.messageId())).isEmpty();
        assertThat(inboxOf(reader, dialog).readUpTo()).isEqualTo(new PageCursor(message.ts(), message.messageId()));
        assertThat(clients.readDeadLetters().records()).noneMatch(r -> r.key().equals(dialog.toString()));
    }

    @Test
    void deadLettersAReadCommandThatIsNotJsonOrMissesAFieldAndGoesOn() {
        UUID reader = Commands.user();
        UUID friend = Commands.user();
        UUID dialog = dialogOf(reader, friend);
        SendMessageCommand message = stored(Commands.send(dialog, friend, reader, "read me"));
        byte[] notJson = ("{not json " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        byte[] noUser = ("{\"dialogId\":\"" + dialog + "\",\"friendId\":\"" + friend + "\",\"messageId\":\""
                + UUID.randomUUID() + "\",\"ts\":1700000000000}").getBytes(StandardCharsets.UTF_8);

        send(kafka.topics().readCommands(), dialog.toString(), notJson);
        send(kafka.topics().readCommands(), dialog.toString(), noUser);
        sendRead(Commands.read(message, reader));

        awaitReads(message.messageId(), 1);
        for (byte[] poison : List.of(notJson, noUser)) {
            await().atMost(WAIT).until(() -> clients.readDeadLetters().records().stream()
                    .anyMatch(r -> Arrays.equals(r.value(), poison)));
        }
    }

    /** Sent through the writer's send path and awaited, so the message and both inboxes are stored. */
    private SendMessageCommand stored(SendMessageCommand command) {
        sendCommand(command);
        awaitEvents(command.messageId(), 1);
        return command;
    }

    private void sendRead(ReadCommand command) {
        send(kafka.topics().readCommands(), command.dialogId().toString(), TopicProbe.json(command));
    }

    private InboxEntry inboxOf(UUID user, UUID dialog) {
        return store.showInbox(user, null, 10).dialogs().stream().filter(e -> e.dialogId().equals(dialog))
                .findFirst().orElseThrow();
    }

    private List<MessageEvent> awaitReads(UUID messageId, int count) {
        await().atMost(WAIT).until(() -> reads(messageId).size() >= count);
        List<MessageEvent> reads = reads(messageId);
        assertThat(reads).hasSize(count);
        return reads;
    }

    private List<MessageEvent> reads(UUID messageId) {
        return events(messageId).stream().filter(e -> e.type() == MessageEvent.Type.READ).toList();
    }

    private List<ConsumerRecord<String, byte[]>> readRecords(UUID messageId) {
        return eventRecords(messageId).stream()
                .filter(r -> TopicProbe.parse(r.value(), MessageEvent.class).type() == MessageEvent.Type.READ).toList();
    }
}
