package dev.chat.writer;

import java.util.UUID;

import dev.chat.common.command.ReadCommand;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.common.id.MessageIds;

/** Builds commands as the gateway would. */
public final class Commands {

    private static final MessageIds IDS = new MessageIds();

    private Commands() {
    }

    public static SendMessageCommand send(UUID dialogId, UUID authorId, UUID recipientId, String text) {
        UUID id = IDS.next();
        return new SendMessageCommand(id, dialogId, authorId, recipientId, text, MessageIds.millisOf(id), null);
    }

    /** {@code userId} read up to {@code message} (a command the friend sent), as the gateway would publish it. */
    public static ReadCommand read(SendMessageCommand message, UUID userId) {
        UUID friendId = userId.equals(message.authorId()) ? message.recipientId() : message.authorId();
        return new ReadCommand(message.dialogId(), userId, friendId, message.messageId(), message.ts());
    }

    public static UUID user() {
        return UUID.randomUUID();
    }
}
