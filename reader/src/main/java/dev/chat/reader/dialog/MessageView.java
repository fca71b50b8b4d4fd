package dev.chat.reader.dialog;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.chat.common.dialog.ChatMessage;
import io.swagger.v3.oas.annotations.media.Schema;

/** One message as the history API shows it: the brief's stored fields plus the creation time. */
@Schema(name = "Message")
record MessageView(
        @Schema(description = "message id (UUIDv7, time-ordered)") UUID id,
        @JsonProperty("author_id") @Schema(description = "the sender") UUID authorId,
        @JsonProperty("chat_id") @Schema(description = "the dialog id") UUID chatId,
        @Schema(description = "the text, exactly as sent") String message,
        @Schema(description = "creation time, epoch milliseconds (the ZSET score)") long ts) {

    static MessageView of(ChatMessage m) {
        return new MessageView(m.id(), m.authorId(), m.chatId(), m.message(), m.ts());
    }
}
