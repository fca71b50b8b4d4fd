package dev.chat.common.dialog;

import java.util.Objects;
import java.util.UUID;

/**
 * One stored message, the brief's {@code {id, author_id, chat_id, message}} plus the creation time.
 *
 * @param id       time-ordered (UUIDv7) message id, assigned once by the gateway; the idempotency key
 * @param authorId the sender
 * @param chatId   the dialog id
 * @param message  the text, stored and returned byte for byte
 * @param ts       creation time in epoch milliseconds, the ZSET score
 */
public record ChatMessage(UUID id, UUID authorId, UUID chatId, String message, long ts) {

    public ChatMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(message, "message");
    }

    /** The stable position of this message in its dialog: (ts, id). */
    public PageCursor cursor() {
        return new PageCursor(ts, id);
    }
}
