package dev.chat.common.command;

import java.util.UUID;

/**
 * Writer → everyone interested (gateways push it to WebSocket sessions). Keyed by {@code dialogId}.
 *
 * @param type        what happened to the command
 * @param messageId   the message id from the command
 * @param dialogId    the dialog
 * @param authorId    the sender
 * @param recipientId the other participant
 * @param text        the text (null for REJECTED)
 * @param ts          the message's creation time (epoch millis)
 * @param storedAt    when the writer finished with it (epoch millis)
 * @param clientId    the sender's request id, may be null
 * @param reason      why it was rejected (null for WRITTEN)
 */
public record MessageEvent(Type type, UUID messageId, UUID dialogId, UUID authorId, UUID recipientId,
                           String text, long ts, long storedAt, String clientId, String reason) {

    public enum Type { WRITTEN, REJECTED }

    public static MessageEvent written(SendMessageCommand c, long storedAt) {
        return new MessageEvent(Type.WRITTEN, c.messageId(), c.dialogId(), c.authorId(), c.recipientId(),
                c.text(), c.ts(), storedAt, c.clientId(), null);
    }

    public static MessageEvent rejected(SendMessageCommand c, long at, String reason) {
        return new MessageEvent(Type.REJECTED, c.messageId(), c.dialogId(), c.authorId(), c.recipientId(),
                null, c.ts(), at, c.clientId(), reason);
    }
}
