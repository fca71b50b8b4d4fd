package dev.chat.common.command;

import java.util.UUID;

/**
 * Writer → everyone interested (gateways push it to WebSocket sessions). Keyed by {@code dialogId}.
 *
 * <p>A {@link Type#READ} event is a read receipt, not the outcome of a send: {@code authorId} is the user who read,
 * {@code recipientId} the friend, {@code messageId} and {@code ts} the message read up to. Consumers that count
 * sends skip it.
 *
 * @param type        what happened to the command
 * @param messageId   the message id from the command
 * @param dialogId    the dialog
 * @param authorId    the sender (READ: the reader)
 * @param recipientId the other participant
 * @param text        the text (null for REJECTED and READ)
 * @param ts          the message's creation time (epoch millis)
 * @param storedAt    when the writer finished with it (epoch millis)
 * @param clientId    the sender's request id, may be null (always null for READ)
 * @param reason      why it was rejected (null for WRITTEN and READ)
 */
public record MessageEvent(Type type, UUID messageId, UUID dialogId, UUID authorId, UUID recipientId,
                           String text, long ts, long storedAt, String clientId, String reason) {

    public enum Type { WRITTEN, REJECTED, READ }

    public static MessageEvent written(SendMessageCommand c, long storedAt) {
        return new MessageEvent(Type.WRITTEN, c.messageId(), c.dialogId(), c.authorId(), c.recipientId(),
                c.text(), c.ts(), storedAt, c.clientId(), null);
    }

    public static MessageEvent rejected(SendMessageCommand c, long at, String reason) {
        return new MessageEvent(Type.REJECTED, c.messageId(), c.dialogId(), c.authorId(), c.recipientId(),
                null, c.ts(), at, c.clientId(), reason);
    }

    /** The receipt of a read command the writer handled at {@code at}, whether or not the marker moved. */
    public static MessageEvent read(ReadCommand c, long at) {
        return new MessageEvent(Type.READ, c.messageId(), c.dialogId(), c.userId(), c.friendId(), null, c.ts(), at,
                null, null);
    }
}
