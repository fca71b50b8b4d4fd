package dev.chat.gateway.security;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Who opened a WebSocket session: the verified token's subject and expiry, put into the session's attributes by
 * the handshake interceptor. The WebSocket counterpart of {@link Caller}; never taken from a frame.
 */
public record SocketUser(UUID id, Instant tokenExpiresAt) {

    static final String ATTRIBUTE = SocketUser.class.getName();

    /** The user of a session the handshake let through. */
    public static SocketUser of(Map<String, Object> sessionAttributes) {
        if (!(sessionAttributes.get(ATTRIBUTE) instanceof SocketUser user)) {
            // the handshake interceptor refuses every handshake without a verified token
            throw new IllegalStateException("WebSocket session without a verified token");
        }
        return user;
    }
}
