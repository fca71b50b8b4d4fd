package dev.chat.gateway.live;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The WebSocket endpoint {@code /ws} (protocol: docs/websocket.md).
 *
 * @param maxTextFrame       largest text frame a client may send; larger ones close the connection with 1009. A
 *                           maximal message (4096 characters = at most 8192 UTF-16 units) fits with room for JSON
 * @param sendBufferLimit    frames queued for one session and not yet written; beyond it the session is closed
 *                           (4500) instead of buffering more for a client that does not read
 * @param sendTimeLimit      how long one write to a session may take; a longer one closes it (4500)
 * @param idleTimeout        a session with no frame and no pong for this long is closed (4002)
 * @param pingInterval       how often the server pings every session; browsers answer pings by themselves
 * @param maxSessionsPerUser open sessions one user may have on this gateway; one more is closed (4003)
 * @param pushThreads        threads that write to sockets; a stuck client holds one for at most {@code sendTimeLimit}
 * @param allowedOrigins     browser origins allowed to open {@code /ws} besides the gateway's own (empty: only
 *                           pages served by this gateway); clients that send no {@code Origin} are not checked
 * @param typingInterval     at most one {@code typing} frame per user and friend is passed on per interval; the
 *                           others are dropped without an answer (clients send one per key press)
 */
@Validated
@ConfigurationProperties("chat.ws")
public record WebSocketProperties(@NotNull @DefaultValue("16KB") DataSize maxTextFrame,
                                  @NotNull @DefaultValue("512KB") DataSize sendBufferLimit,
                                  @NotNull @DefaultValue("10s") Duration sendTimeLimit,
                                  @NotNull @DefaultValue("60s") Duration idleTimeout,
                                  @NotNull @DefaultValue("20s") Duration pingInterval,
                                  @Min(1) @DefaultValue("16") int maxSessionsPerUser,
                                  @Min(1) @Max(1024) @DefaultValue("16") int pushThreads,
                                  @NotNull @DefaultValue List<String> allowedOrigins,
                                  @NotNull @DefaultValue("2s") Duration typingInterval) {

    public WebSocketProperties {
        if (pingInterval != null && idleTimeout != null && pingInterval.compareTo(idleTimeout) >= 0) {
            throw new IllegalArgumentException("gateway WebSocket: chat.ws.ping-interval (" + pingInterval
                    + ") must be shorter than chat.ws.idle-timeout (" + idleTimeout + "), or answering pings cannot keep a session alive");
        }
        if (maxTextFrame != null && (maxTextFrame.toBytes() < 1024 || maxTextFrame.toBytes() > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("gateway WebSocket: chat.ws.max-text-frame must be from 1KB to 2GB, was " + maxTextFrame);
        }
    }
}
