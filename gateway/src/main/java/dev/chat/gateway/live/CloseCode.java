package dev.chat.gateway.live;

import org.springframework.web.socket.CloseStatus;

/**
 * Every code the gateway closes a {@code /ws} session with, and what a client does next (docs/websocket.md).
 * After any reconnect the client catches up from the reader with {@code ?after=<newest cursor it has>}.
 */
enum CloseCode {

    /** The gateway is shutting down: reconnect at once (1–2 s jitter), most likely to another instance. */
    GOING_AWAY(1001, "gateway shutting down", Reconnect.AT_ONCE),
    /** A frame was larger than {@code chat.ws.max-text-frame} (Tomcat closes; listed for completeness). */
    TOO_BIG(1009, "frame too large", Reconnect.AT_ONCE),
    /** An unexpected server error: reconnect with back-off. */
    SERVER_ERROR(1011, "server error", Reconnect.BACK_OFF),
    /** The token expired during the session: log in again (new token), then reconnect. */
    TOKEN_EXPIRED(4001, "token expired", Reconnect.AFTER_LOGIN),
    /** Neither frames nor pongs for {@code chat.ws.idle-timeout}: the connection looked dead; reconnect. */
    IDLE_TIMEOUT(4002, "idle timeout", Reconnect.AT_ONCE),
    /** The user already has {@code chat.ws.max-sessions-per-user} sessions here: do not retry in a loop. */
    TOO_MANY_SESSIONS(4003, "too many sessions", Reconnect.NO),
    /**
     * The client did not read fast enough (send buffer or send time limit exceeded): reconnect with back-off and
     * catch up from history. 4500 is Spring's {@link CloseStatus#SESSION_NOT_RELIABLE}, which its
     * {@code ConcurrentWebSocketSessionDecorator} uses for the same reason, so it is one code whichever noticed.
     */
    SLOW_CONSUMER(4500, "too slow to read", Reconnect.BACK_OFF);

    /** What the client should do after this close. */
    enum Reconnect { AT_ONCE, BACK_OFF, AFTER_LOGIN, NO }

    private final CloseStatus status;
    private final Reconnect reconnect;

    CloseCode(int code, String reason, Reconnect reconnect) {
        this.status = new CloseStatus(code, reason);
        this.reconnect = reconnect;
    }

    CloseStatus status() {
        return status;
    }

    int code() {
        return status.getCode();
    }

    Reconnect reconnect() {
        return reconnect;
    }

    /** The metric tag: {@code slow-consumer}, {@code token-expired}, … */
    String tag() {
        return name().toLowerCase().replace('_', '-');
    }
}
