package dev.chat.writer;

import java.util.UUID;

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

    public static UUID user() {
        return UUID.randomUUID();
    }
}
