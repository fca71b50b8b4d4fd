package dev.chat.writer.message;

import java.time.Clock;
import java.util.Optional;

import dev.chat.common.command.MessageEvent;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogNotFoundException;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.WriteOutcome;
import dev.chat.writer.dialog.DialogDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns one send command into a stored message plus its event.
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

    void handle(SendMessageCommand command) {
        String problem = checkDialog(command);
        if (problem != null) {
            reject(command, problem);
            return;
        }
        WriteOutcome outcome;
        try {
            outcome = store.writeMessage(new ChatMessage(command.messageId(), command.authorId(), command.dialogId(),
                    command.text(), command.ts()), command.clientId());
        } catch (DialogNotFoundException e) {
            reject(command, DIALOG_NOT_FOUND);
            return;
        }
        long storedAt = clock.millis();
        if (outcome.stored()) {
            metrics.stored(command.ts(), storedAt);
        } else {
            metrics.duplicate();
        }
        log.atDebug().addKeyValue("outcome", outcome.stored() ? "stored" : "duplicate")
                .addKeyValue("storedId", outcome.messageId()).log("message written");
        events.publish(MessageEvent.written(asStored(command, outcome), storedAt));
    }

    /** Null when the command's dialog is the dialog of its author and recipient, else the reason why not. */
    private String checkDialog(SendMessageCommand command) {
        Optional<Dialog> dialog = dialogs.find(command.authorId(), command.recipientId());
        if (dialog.isEmpty()) {
            return DIALOG_NOT_FOUND;
        }
        return dialog.get().id().equals(command.dialogId()) ? null : DIALOG_MISMATCH;
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

    private void reject(SendMessageCommand command, String reason) {
        metrics.rejected();
        log.atInfo().addKeyValue("outcome", "rejected").addKeyValue("reason", reason)
                .log("message rejected: {}", reason);
        events.publish(MessageEvent.rejected(command, clock.millis(), reason));
    }
}
