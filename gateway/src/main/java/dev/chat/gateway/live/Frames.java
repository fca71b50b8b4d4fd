package dev.chat.gateway.live;

import java.util.UUID;

import dev.chat.common.command.MessageEvent;
import dev.chat.gateway.message.MessageApi.MessageAccepted;
import org.springframework.web.socket.TextMessage;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

/** The JSON text frames of {@code /ws} (docs/websocket.md). Field names are snake_case like the HTTP API. */
final class Frames {

    /** Client → server: send a message to a friend. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Send(String type, UUID to, String text, String clientId) {
    }

    /** Client → server: the user has read the dialog with {@code to} up to this message (as the HTTP call). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Read(String type, UUID to, UUID messageId) {
    }

    /** Client → server: the user is typing to {@code to} (never stored; rate-limited, see {@link TypingRelay}). */
    record TypingTo(String type, UUID to) {
    }

    /** Server → client: the friend {@code from} is typing to this user. */
    record Typing(String type, UUID from) {
    }

    /** Server → client: a user who is this user's friend came online (first session on any gateway) or went offline. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Presence(String type, UUID userId, boolean online) {
    }

    /** Client → server: an application-level ping (browsers cannot send ping control frames). */
    record Ping(String type) {
    }

    /** Server → client: Kafka has the command; the message is stored shortly and then pushed as {@link Message}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Accepted(String type, String clientId, UUID id, UUID dialogId, long ts) {
        static Accepted of(String clientId, MessageAccepted accepted) {
            return new Accepted("accepted", clientId, accepted.id(), accepted.dialogId(), accepted.ts());
        }
    }

    /** Server → client: a stored message of one of the user's dialogs; {@code client_id} only to its author. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Message(String type, UUID id, UUID dialogId, UUID authorId, String text, long ts, String clientId) {
        static Message of(MessageEvent event, boolean toAuthor) {
            return new Message("message", event.messageId(), event.dialogId(), event.authorId(), event.text(), event.ts(),
                    toAuthor ? event.clientId() : null);
        }
    }

    /**
     * Server → client: {@code user_id} read the dialog up to {@code message_id}: a receipt for the friend, a cleared
     * badge for the reader's own other sessions.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Receipt(String type, UUID dialogId, UUID userId, UUID messageId) {
        static Receipt of(MessageEvent event) {
            return new Receipt("read", event.dialogId(), event.authorId(), event.messageId());
        }
    }

    /**
     * Server → client: something went wrong; the connection stays open. {@code id}: the rejected message's id, or
     * the message a refused {@code read} named.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Error(String type, String clientId, String code, String message, UUID id) {
        static Error of(String clientId, String code, String message) {
            return new Error("error", clientId, code, message, null);
        }
    }

    /** Server → client: the answer to {@link Ping}. */
    record Pong(String type) {
        static final Pong INSTANCE = new Pong("pong");
    }

    private final JsonMapper json;

    Frames(JsonMapper json) {
        this.json = json;
    }

    TextMessage text(Object frame) {
        return new TextMessage(json.writeValueAsString(frame));
    }
}
