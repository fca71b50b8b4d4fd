package dev.chat.reader.dialog;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One message as the history API shows it: the brief's stored fields plus the creation time. It is the stored
 * message's own JSON, field for field, so {@link JsonPages} copies it; this record documents the shape.
 */
@Schema(name = "Message")
record MessageView(
        @Schema(description = "message id (UUIDv7, time-ordered)") UUID id,
        @JsonProperty("author_id") @Schema(description = "the sender") UUID authorId,
        @JsonProperty("chat_id") @Schema(description = "the dialog id") UUID chatId,
        @Schema(description = "the text, exactly as sent") String message,
        @Schema(description = "creation time, epoch milliseconds (the ZSET score)") long ts) {
}
