package dev.chat.writer.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.chat.common.command.MessageEvent;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.writer.Commands;
import dev.chat.writer.InMemoryDialogStore;
import dev.chat.boot.store.DialogDirectory;
import io.lettuce.core.RedisConnectionException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The writer's decisions, without Kafka or Redis. */
class MessageWriterTests {

    private final InMemoryDialogStore store = new InMemoryDialogStore();
    private final List<MessageEvent> published = new ArrayList<>();
    private final List<List<MessageEvent>> publishedTogether = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final UUID author = Commands.user();
    private final UUID friend = Commands.user();
    private RuntimeException nextPublishFailure;
    private MessageWriter writer;
    private UUID dialog;

    @BeforeEach
    void setUp() {
        MessageEvents events = new MessageEvents() {
            @Override
            public void publish(MessageEvent event) {
                if (nextPublishFailure != null) {
                    RuntimeException failure = nextPublishFailure;
                    nextPublishFailure = null;
                    throw failure;
                }
                published.add(event);
            }

            @Override
            public void publishAll(List<MessageEvent> events) {
                publishedTogether.add(List.copyOf(events));
                MessageEvents.super.publishAll(events);
            }
        };
        writer = new MessageWriter(new DialogDirectory(store, 10), store,
                events, new WriterMetrics(meters), Clock.fixed(Instant.ofEpochMilli(2_000_000_000_000L), ZoneOffset.UTC));
        dialog = store.makeDialog(author, friend, UUID.randomUUID(), "").dialog().id();
    }

    @Test
    void storesAndPublishesWrittenWithStoreTime() {
        SendMessageCommand command = Commands.send(dialog, author, friend, "hi");

        writer.handle(command);

        assertThat(store.messageCount()).isEqualTo(1);
        assertThat(published).containsExactly(MessageEvent.written(command, 2_000_000_000_000L));
        assertThat(meters.get(WriterMetrics.MESSAGES).tag("outcome", "stored").counter().count()).isEqualTo(1);
        assertThat(meters.get(WriterMetrics.LATENCY).timer().count()).isEqualTo(1);
    }

    @Test
    void looksTheDialogUpOnceForManyMessages() {
        writer.handle(Commands.send(dialog, author, friend, "1"));
        writer.handle(Commands.send(dialog, friend, author, "2"));
        writer.handle(Commands.send(dialog, author, friend, "3"));

        assertThat(store.lookups()).isEqualTo(1);
    }

    @Test
    void doesNotCacheAMissingDialog() {
        UUID stranger = Commands.user();
        writer.handle(Commands.send(UUID.randomUUID(), author, stranger, "too early"));
        UUID later = store.makeDialog(author, stranger, UUID.randomUUID(), "").dialog().id();

        writer.handle(Commands.send(later, author, stranger, "now"));

        assertThat(published).extracting(MessageEvent::type)
                .containsExactly(MessageEvent.Type.REJECTED, MessageEvent.Type.WRITTEN);
    }

    @Test
    void publishesWrittenAgainForADuplicateWithoutStoringIt() {
        SendMessageCommand command = Commands.send(dialog, author, friend, "once");

        writer.handle(command);
        writer.handle(command);

        assertThat(store.messageCount()).isEqualTo(1);
        assertThat(published).extracting(MessageEvent::type).containsExactly(MessageEvent.Type.WRITTEN,
                MessageEvent.Type.WRITTEN);
        assertThat(meters.get(WriterMetrics.MESSAGES).tag("outcome", "duplicate").counter().count()).isEqualTo(1);
    }

    @Test
    void answersAClientRetryWithTheIdOfTheStoredMessage() {
        SendMessageCommand first = withClientId(Commands.send(dialog, author, friend, "retry me"), "c-1");
        SendMessageCommand retry = withClientId(Commands.send(dialog, author, friend, "retry me"), "c-1");

        writer.handle(first);
        writer.handle(retry);

        assertThat(store.messageCount()).isEqualTo(1);
        assertThat(published).extracting(MessageEvent::messageId).containsExactly(first.messageId(), first.messageId());
    }

    @Test
    void rejectsWhenThePairHasAnotherDialog() {
        SendMessageCommand command = Commands.send(UUID.randomUUID(), author, friend, "wrong");

        writer.handle(command);

        assertThat(store.messageCount()).isZero();
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(MessageEvent.Type.REJECTED);
            assertThat(event.reason()).isEqualTo(MessageWriter.DIALOG_MISMATCH);
        });
    }

    @Test
    void publishesNothingWhenTheWriteFails() {
        store.failNextWrite(new RedisConnectionException("down"));
        SendMessageCommand command = Commands.send(dialog, author, friend, "later");

        assertThatThrownBy(() -> writer.handle(command)).isInstanceOf(RedisConnectionException.class);
        assertThat(published).isEmpty();

        writer.handle(command);
        assertThat(published).extracting(MessageEvent::type).containsExactly(MessageEvent.Type.WRITTEN);
    }

    @Test
    void aFailedPublishIsRepairedByHandlingTheCommandAgain() {
        nextPublishFailure = new EventNotPublishedException("broker away", null);
        SendMessageCommand command = Commands.send(dialog, author, friend, "event lost once");

        assertThatThrownBy(() -> writer.handle(command)).isInstanceOf(EventNotPublishedException.class);
        writer.handle(command);

        assertThat(store.messageCount()).isEqualTo(1);
        assertThat(published).extracting(MessageEvent::messageId).containsExactly(command.messageId());
    }

    @Test
    void writesAPollWithOneStoreCallThenPublishesAllItsEventsTogetherInCommandOrder() {
        SendMessageCommand first = Commands.send(dialog, author, friend, "1");
        SendMessageCommand mismatch = Commands.send(UUID.randomUUID(), friend, author, "wrong dialog");
        SendMessageCommand retry = withClientId(Commands.send(dialog, friend, author, "2"), "c-2");
        SendMessageCommand retryAgain = withClientId(Commands.send(dialog, friend, author, "2"), "c-2");

        writer.handleAll(received(first, mismatch, retry, retryAgain));

        assertThat(store.writeCalls()).isEqualTo(1);
        assertThat(store.messageCount()).isEqualTo(2);
        assertThat(publishedTogether).singleElement().isEqualTo(published);
        assertThat(published).extracting(MessageEvent::type).containsExactly(MessageEvent.Type.WRITTEN,
                MessageEvent.Type.REJECTED, MessageEvent.Type.WRITTEN, MessageEvent.Type.WRITTEN);
        // the client retry within the same poll is answered with the id stored first, as across polls
        assertThat(published).extracting(MessageEvent::messageId).containsExactly(first.messageId(),
                mismatch.messageId(), retry.messageId(), retry.messageId());
        assertThat(published.get(0).storedAt()).isEqualTo(2_000_000_000_000L);
        assertThat(meters.get(WriterMetrics.MESSAGES).tag("outcome", "stored").counter().count()).isEqualTo(2);
        assertThat(meters.get(WriterMetrics.MESSAGES).tag("outcome", "duplicate").counter().count()).isEqualTo(1);
        assertThat(meters.get(WriterMetrics.LATENCY).timer().count()).isEqualTo(2);
        assertThat(meters.get(WriterMetrics.BATCH_SIZE).summary().totalAmount()).isEqualTo(3);
    }

    @Test
    void makesNoStoreCallForAPollOfRejectedCommands() {
        writer.handleAll(received(Commands.send(UUID.randomUUID(), author, Commands.user(), "nobody")));

        assertThat(store.writeCalls()).isZero();
        assertThat(published).extracting(MessageEvent::type).containsExactly(MessageEvent.Type.REJECTED);
    }

    @Test
    void publishesNoEventOfAPollWhoseWriteFails() {
        store.failNextWrite(new RedisConnectionException("down"));
        SendMessageCommand rejected = Commands.send(UUID.randomUUID(), author, Commands.user(), "nobody");
        SendMessageCommand written = Commands.send(dialog, author, friend, "later");

        assertThatThrownBy(() -> writer.handleAll(received(rejected, written)))
                .isInstanceOf(RedisConnectionException.class);

        assertThat(published).isEmpty();
    }

    private static List<ReceivedCommand> received(SendMessageCommand... commands) {
        return Arrays.stream(commands).map(c -> new ReceivedCommand(c, "-")).toList();
    }

    private static SendMessageCommand withClientId(SendMessageCommand c, String clientId) {
        return new SendMessageCommand(c.messageId(), c.dialogId(), c.authorId(), c.recipientId(), c.text(), c.ts(),
                clientId);
    }

}
