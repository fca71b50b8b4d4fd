package dev.chat.writer.message;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import dev.chat.boot.store.DialogDirectory;
import dev.chat.common.command.MessageEvent;
import dev.chat.common.command.ReadCommand;
import dev.chat.common.command.RequestIds;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.PageCursor;
import dev.chat.common.dialog.ReadOutcome;
import dev.chat.writer.system.InvalidCommandException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code chat.read-commands} (key: dialog id) one record at a time: moves the reader's marker with
 * {@link DialogStore#markRead}, then publishes a {@code READ} event on the message-events topic and returns only once
 * Kafka acknowledged it, so the offset is committed after both. Failures go to the writer's one error handler like
 * the other command topics' (transient: retried forever; poison: dead-lettered).
 *
 * <p>The event is published whether the marker moved or not: a replay after a lost acknowledgement must still reach
 * the gateways, which drop receipts they already pushed. A read that names no message of the dialog (only a message
 * lost in a failover gets past the gateway's check) or another pair's dialog is logged and skipped, without an event:
 * retrying cannot make it true, and the offset moves on.
 */
@Component
class ReadCommandListener {

    static final String ID = "read-commands";
    static final String READS = "chat.writer.reads";

    private static final Logger log = LoggerFactory.getLogger(ReadCommandListener.class);

    private final DialogDirectory dialogs;
    private final DialogStore store;
    private final MessageEvents events;
    private final Clock clock;
    private final MeterRegistry meters;

    ReadCommandListener(DialogDirectory dialogs, DialogStore store, MessageEvents events, Clock clock,
                        MeterRegistry meters) {
        this.dialogs = dialogs;
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    @KafkaListener(id = ID, idIsGroup = false, groupId = "${chat.kafka.groups.reads}",
            topics = "${chat.kafka.topics.read-commands}", containerFactory = "readCommandsContainerFactory")
    void on(ConsumerRecord<String, ReadCommand> record) {
        ReadCommand command = record.value();
        if (command == null) {
            throw new InvalidCommandException("empty value at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset());
        }
        Header requestId = record.headers().lastHeader(RequestIds.KAFKA_HEADER);
        MDC.put(ReceivedCommand.DIALOG_ID, String.valueOf(command.dialogId()));
        MDC.put(ReceivedCommand.MESSAGE_ID, String.valueOf(command.messageId()));
        MDC.put(RequestIds.MDC_KEY, requestId == null ? "-"
                : RequestIds.acceptOrCreate(new String(requestId.value(), StandardCharsets.UTF_8)));
        try {
            handle(command);
        } finally {
            MDC.remove(ReceivedCommand.DIALOG_ID);
            MDC.remove(ReceivedCommand.MESSAGE_ID);
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private void handle(ReadCommand command) {
        Optional<Dialog> dialog = dialogs.find(command.userId(), command.friendId());
        if (dialog.isEmpty() || !dialog.get().id().equals(command.dialogId())) {
            skipped("dialog-mismatch", "read skipped: the users have no such dialog");
            return;
        }
        ReadOutcome outcome = store.markRead(command.userId(), command.friendId(), command.dialogId(),
                new PageCursor(command.ts(), command.messageId()));
        if (outcome.status() == ReadOutcome.Status.NO_SUCH_MESSAGE) {
            skipped("no-such-message", "read skipped: the dialog holds no such message (lost in a failover?)");
            return;
        }
        count(outcome.status() == ReadOutcome.Status.MOVED ? "moved" : "unchanged");
        events.publish(MessageEvent.read(command, clock.millis()));
    }

    private void skipped(String outcome, String why) {
        count(outcome);
        log.atWarn().addKeyValue("outcome", outcome).log(why);
    }

    private void count(String outcome) {
        Counter.builder(READS).tag("outcome", outcome).description("read commands by outcome").register(meters)
                .increment();
    }
}
