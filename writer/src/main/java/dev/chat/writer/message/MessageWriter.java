package dev.chat.writer.message;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.chat.common.command.MessageEvent;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogNotFoundException;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.MessageWrite;
import dev.chat.common.dialog.WriteOutcome;
import dev.chat.boot.store.DialogDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns send commands into stored messages plus their events: a poll's commands at once
 * ({@link #handleAll}), or one command ({@link #handle}, the path a failed batch falls back to).
 *
 * <p>Guarantees of both paths: a command's event is published only after its store write; a method returns
 * only once every event it published is acknowledged; commands are stored, and their events published, in
 * the order given, so one dialog's order (its commands share a partition) is kept.
 *
 * <p>Idempotent: the store keeps one copy per message id (and per author + client id), so handling the
 * same command again publishes another {@code WRITTEN} event but stores nothing. Every exception means
 * "not done, retry me": nothing has been acknowledged yet, and a retry repeats only idempotent steps.
 */
@Component
class MessageWriter {

    static final String DIALOG_NOT_FOUND = "dialog-not-found";
    static final String DIALOG_MISMATCH = "dialog-mismatch";

    private static final Logger log = LoggerFactory.getLogger(MessageWriter.class);

    private final DialogDirectory dialogs;
    private final DialogStore store;
    private final MessageEvents events;
    private final WriterMetrics metrics;
    private final Clock clock;

    MessageWriter(DialogDirectory dialogs, DialogStore store, MessageEvents events, WriterMetrics metrics, Clock clock) {
        this.dialogs = dialogs;
        this.store = store;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * One poll's commands: each dialog is checked (a command naming no dialog or the wrong one gets its
     * {@code REJECTED} event), all the others are written with one {@link DialogStore#writeMessages} call,
     * then every event, in command order, is sent and all are awaited together. If this throws, any of the
     * commands may have been stored and any of their events published; handling them all again (one by one)
     * is safe.
     */
    void handleAll(List<ReceivedCommand> commands) {
        MessageEvent[] outcomes = new MessageEvent[commands.size()];
        List<Integer> writable = new ArrayList<>(commands.size());
        List<MessageWrite> writes = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            ReceivedCommand received = commands.get(i);
            try (ReceivedCommand.LogContext ignored = received.logContext()) {
                Check check = checkDialog(received.command());
                if (check.problem() == null) {
                    writable.add(i);
                    writes.add(write(received.command(), check.dialog()));
                } else {
                    outcomes[i] = rejected(received.command(), check.problem());
                }
            }
        }
        writeAll(commands, writable, writes, outcomes);
        events.publishAll(Arrays.asList(outcomes));
    }

    /** Stores the commands at {@code writable} with one store call and fills in their WRITTEN events. */
    private void writeAll(List<ReceivedCommand> commands, List<Integer> writable, List<MessageWrite> writes,
                          MessageEvent[] outcomes) {
        if (writable.isEmpty()) {
            return;
        }
        List<WriteOutcome> stored = store.writeMessages(writes);
        long storedAt = clock.millis();
        metrics.batchWritten(writes.size());
        for (int j = 0; j < writable.size(); j++) {
            ReceivedCommand received = commands.get(writable.get(j));
            try (ReceivedCommand.LogContext ignored = received.logContext()) {
                outcomes[writable.get(j)] = written(received.command(), stored.get(j), storedAt);
            }
        }
    }

    /** One command: checked, written on its own (with both inboxes), its event published and acknowledged. */
    void handle(SendMessageCommand command) {
        Check check = checkDialog(command);
        if (check.problem() != null) {
            events.publish(rejected(command, check.problem()));
            return;
        }
        WriteOutcome outcome;
        try {
            outcome = store.writeMessages(List.of(write(command, check.dialog()))).get(0);
        } catch (DialogNotFoundException e) {
            events.publish(rejected(command, DIALOG_NOT_FOUND));
            return;
        }
        events.publish(written(command, outcome, clock.millis()));
    }

    /** The command's dialog, or why it cannot be written (then the dialog is null). */
    private record Check(Dialog dialog, String problem) {
    }

    /** The dialog when it is the dialog of the command's author and recipient, else the reason why not. */
    private Check checkDialog(SendMessageCommand command) {
        Optional<Dialog> dialog = dialogs.find(command.authorId(), command.recipientId());
        if (dialog.isEmpty()) {
            return new Check(null, DIALOG_NOT_FOUND);
        }
        return dialog.get().id().equals(command.dialogId()) ? new Check(dialog.get(), null)
                : new Check(null, DIALOG_MISMATCH);
    }

    /** The write keeps both users' inboxes: the recipient and the name come with it (see DialogStore#writeMessages). */
    private static MessageWrite write(SendMessageCommand command, Dialog dialog) {
        return new MessageWrite(new ChatMessage(command.messageId(), command.authorId(), command.dialogId(),
                command.text(), command.ts()), command.clientId(), command.recipientId(), dialog.name());
    }

    /** Counts and logs a write (in the command's log context) and makes its event. */
    private MessageEvent written(SendMessageCommand command, WriteOutcome outcome, long storedAt) {
        if (outcome.stored()) {
            metrics.stored(command.ts(), storedAt);
        } else {
            metrics.duplicate();
        }
        log.atDebug().addKeyValue("outcome", outcome.stored() ? "stored" : "duplicate")
                .addKeyValue("storedId", outcome.messageId()).log("message written");
        return MessageEvent.written(asStored(command, outcome), storedAt);
    }

    /**
     * A client retry (same client id, new message id) is answered with the id the store kept, so clients
     * and gateways see one message, not two.
     */
    private static SendMessageCommand asStored(SendMessageCommand command, WriteOutcome outcome) {
        if (outcome.messageId() == null || outcome.messageId().equals(command.messageId())) {
            return command;
        }
        return new SendMessageCommand(outcome.messageId(), command.dialogId(), command.authorId(),
                command.recipientId(), command.text(), command.ts(), command.clientId());
    }

    private MessageEvent rejected(SendMessageCommand command, String reason) {
        metrics.rejected();
        log.atInfo().addKeyValue("outcome", "rejected").addKeyValue("reason", reason)
                .log("message rejected: {}", reason);
        return MessageEvent.rejected(command, clock.millis(), reason);
    }
}
