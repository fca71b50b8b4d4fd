package dev.chat.common.dialog;

import java.util.Objects;

/**
 * One write of {@link DialogStore#writeMessages}: what {@link DialogStore#writeMessage} takes as its two arguments.
 *
 * @param message  the message to store in its dialog ({@code message.chatId()})
 * @param clientId the sender's own request id, or null
 */
public record MessageWrite(ChatMessage message, String clientId) {

    public MessageWrite {
        Objects.requireNonNull(message, "message");
    }
}
