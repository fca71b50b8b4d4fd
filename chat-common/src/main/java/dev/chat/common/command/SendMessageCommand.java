package dev.chat.common.command;

import java.util.UUID;

/**
 * Gateway → writer: store this message. Keyed by {@code dialogId} on the commands topic, so one dialog's
 * messages are written in the order the gateway accepted them. Every field is fixed before publishing,
 * so a redelivery is byte-identical and the idempotent store keeps one copy.
 *
 * @param messageId   UUIDv7, the idempotency key
 * @param dialogId    the resolved dialog
 * @param authorId    the sender (from the verified token, never from the request body)
 * @param recipientId the other participant, so the writer can address events without another lookup
 * @param text        the message text
 * @param ts          creation time, epoch millis (the ZSET score)
 * @param clientId    the sender's own id for the request, echoed in events; may be null
 */
public record SendMessageCommand(UUID messageId, UUID dialogId, UUID authorId, UUID recipientId,
                                 String text, long ts, String clientId) {
}
