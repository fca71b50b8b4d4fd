package dev.chat.common.command;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Kafka headers on every {@link MessageEvent} record naming the two users it concerns, so that a gateway can drop
 * an event none of whose users is connected to it without parsing the JSON: under load almost every event is for
 * another gateway's sessions. The writer sets both ({@value #RECIPIENT} only when the event has a recipient);
 * values are the ids as ASCII UUID strings. A record without {@value #AUTHOR} (from a writer older than these
 * headers) must be parsed to find out.
 */
public final class MessageEventHeaders {

    public static final String AUTHOR = "chat-author-id";
    public static final String RECIPIENT = "chat-recipient-id";

    private MessageEventHeaders() {
    }

    public static byte[] encode(UUID userId) {
        return userId.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The user id in a header value; null when there is none or it is not a UUID. */
    public static UUID decode(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(new String(value, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
