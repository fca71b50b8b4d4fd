package dev.chat.gateway.message;

import java.util.UUID;

import dev.chat.common.command.SendMessageCommand;
import dev.chat.gateway.http.MaxCodePoints;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Bodies of the send endpoints. */
public final class MessageApi {

    static final int MAX_TEXT = 4096;

    private MessageApi() {
    }

    /**
     * A send over HTTP or WebSocket: both validate it by these constraints, in {@link MessageService#send}.
     *
     * @param clientId the client's own id for this send; resending it gets the first answer back instead of a
     *                 second message
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SendMessageRequest(@NotBlank @MaxCodePoints(MAX_TEXT) String text,
                              @Size(min = 1, max = 128) @Pattern(regexp = "\\p{Graph}+", message = "must be printable ASCII without spaces")
                              String clientId) {
    }

    /** OTUS {@code POST /dialog/{user_id}/send}. */
    record OtusSendRequest(@NotBlank @MaxCodePoints(MAX_TEXT) String text) {
    }

    /** The message was durably handed to Kafka; the writer stores it shortly (watch the message events). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MessageAccepted(UUID id, UUID dialogId, long ts) {
        static MessageAccepted of(SendMessageCommand command) {
            return new MessageAccepted(command.messageId(), command.dialogId(), command.ts());
        }
    }
}
