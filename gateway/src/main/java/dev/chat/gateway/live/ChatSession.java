package dev.chat.gateway.live;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.chat.gateway.security.SocketUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * One open {@code /ws} connection of one user.
 *
 * <p>Writing: {@link #push} never writes on the caller's thread (the Kafka fan-out thread must never wait for a
 * socket). It appends to this session's outbox, and one task at a time on the shared push pool drains the outbox,
 * in order, through a {@link ConcurrentWebSocketSessionDecorator}. A client that stops reading makes only that task
 * wait. The limits are checked on every push and by the heartbeat: outbox plus decorator buffer over
 * {@code chat.ws.send-buffer-limit}, or one write running longer than {@code chat.ws.send-time-limit}, closes the
 * session with {@link CloseCode#SLOW_CONSUMER} instead of buffering without bound; the blocked write is given up
 * after twice the send time limit at the latest.
 *
 * <p>Thread-safe.
 */
final class ChatSession {

    private static final Logger log = LoggerFactory.getLogger(ChatSession.class);

    /**
     * Tomcat's per-session limit on one blocking write (default 20 s). Set to twice the send time limit: the heartbeat
     * closes a stuck session with 4500 first; Tomcat's timeout, which drops the connection without a close code,
     * only frees the push thread if even that close did not get through.
     */
    private static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";
    /**
     * How long Tomcat tries to send the close frame while a write is stuck (default 50 ms, then it drops the TCP
     * connection without a close code): as long as a write may take, so a client that reads again in time learns why.
     */
    private static final String TOMCAT_CLOSE_SEND_TIMEOUT = "org.apache.tomcat.websocket.ABNORMAL_SESSION_CLOSE_SEND_TIMEOUT";

    /** A frame and, for a message pushed to its recipient, the message's acceptance time (else -1). */
    private record Outgoing(WebSocketMessage<?> frame, long acceptedAt) {
    }

    private final ConcurrentWebSocketSessionDecorator socket;
    private final SocketUser user;
    private final Executor pushPool;
    private final WebSocketProperties limits;
    private final LiveMetrics metrics;
    private final Queue<Outgoing> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicReference<CloseCode> closing = new AtomicReference<>();
    private volatile boolean gone;
    private volatile long lastSeen;
    private volatile long lastPing;

    ChatSession(WebSocketSession raw, SocketUser user, Executor pushPool, WebSocketProperties limits, LiveMetrics metrics,
                long now) {
        this.socket = new ConcurrentWebSocketSessionDecorator(raw, (int) limits.sendTimeLimit().toMillis(),
                (int) Math.min(Integer.MAX_VALUE, limits.sendBufferLimit().toBytes()));
        this.user = user;
        this.pushPool = pushPool;
        this.limits = limits;
        this.metrics = metrics;
        this.lastSeen = now;
        this.lastPing = now;
        if (raw instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession() instanceof jakarta.websocket.Session container) {
            container.getUserProperties().put(TOMCAT_BLOCKING_SEND_TIMEOUT, 2 * limits.sendTimeLimit().toMillis());
            container.getUserProperties().put(TOMCAT_CLOSE_SEND_TIMEOUT, limits.sendTimeLimit().toMillis());
        }
    }

    UUID userId() {
        return user.id();
    }

    String id() {
        return socket.getId();
    }

    /** The client showed a sign of life (a frame or a pong). */
    void touch(long now) {
        lastSeen = now;
    }

    /** Queues a frame and returns at once. */
    void push(WebSocketMessage<?> frame) {
        enqueue(new Outgoing(frame, -1));
    }

    /** Queues a message frame for its recipient; its push latency is recorded once it is written. */
    void pushToRecipient(WebSocketMessage<?> frame, long acceptedAt) {
        enqueue(new Outgoing(frame, acceptedAt));
    }

    /** The heartbeat: closes a session that is stuck, idle or past its token, else pings it when due. */
    void check(long now) {
        if (isClosing()) {
            return;
        }
        if (socket.getTimeSinceSendStarted() > limits.sendTimeLimit().toMillis()) {
            close(CloseCode.SLOW_CONSUMER);
        } else if (user.tokenExpiresAt() != null && !Instant.ofEpochMilli(now).isBefore(user.tokenExpiresAt())) {
            close(CloseCode.TOKEN_EXPIRED);
        } else if (now - lastSeen > limits.idleTimeout().toMillis()) {
            close(CloseCode.IDLE_TIMEOUT);
        } else if (now - lastPing >= limits.pingInterval().toMillis()) {
            lastPing = now;
            push(new PingMessage());
        }
    }

    /** Starts closing with {@code code} (once; later calls are ignored) on the push pool, never on the caller. */
    void close(CloseCode code) {
        if (!closing.compareAndSet(null, code)) {
            return;
        }
        metrics.closed(code);
        if (code == CloseCode.SLOW_CONSUMER) {
            log.info("closing session {} of user {}: {} (over chat.ws.send-buffer-limit or send-time-limit)", id(), userId(), code);
        } else {
            log.debug("closing session {} of user {}: {}", id(), userId(), code);
        }
        try {
            pushPool.execute(this::closeNow);
        } catch (RejectedExecutionException e) { // the pool is shutting down
            closeNow();
        }
    }

    /** The connection is closed (by either side): drop whatever is still queued. */
    void closed() {
        gone = true;
        outbox.clear();
        queuedBytes.set(0);
    }

    boolean isClosing() {
        return gone || closing.get() != null;
    }

    private void enqueue(Outgoing outgoing) {
        if (isClosing()) {
            return;
        }
        int size = outgoing.frame().getPayloadLength();
        if (queuedBytes.get() + socket.getBufferSize() + size > limits.sendBufferLimit().toBytes()
                || socket.getTimeSinceSendStarted() > limits.sendTimeLimit().toMillis()) {
            close(CloseCode.SLOW_CONSUMER);
            return;
        }
        queuedBytes.addAndGet(size);
        outbox.add(outgoing);
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (draining.compareAndSet(false, true)) {
            try {
                pushPool.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false);
            }
        }
    }

    private void drain() {
        try {
            Outgoing next;
            while (!isClosing() && (next = outbox.poll()) != null) {
                queuedBytes.addAndGet(-next.frame().getPayloadLength());
                socket.sendMessage(next.frame());
                if (next.acceptedAt() >= 0) {
                    metrics.pushed(next.acceptedAt());
                }
            }
        } catch (IOException | RuntimeException e) { // limit exceeded, write timed out, connection gone
            log.debug("session {} of user {}: write failed: {}", id(), userId(), e.toString());
            if (socket.isOpen() || timedOut(e)) {
                close(CloseCode.SLOW_CONSUMER); // counted as one even when Tomcat already dropped the connection
            } else {
                closed();
            }
        } finally {
            draining.set(false);
            if (!outbox.isEmpty() && !isClosing()) {
                scheduleDrain(); // a push raced with the end of this drain
            }
        }
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void closeNow() {
        outbox.clear();
        queuedBytes.set(0);
        try {
            socket.close(closing.get().status());
        } catch (IOException | RuntimeException e) {
            log.debug("session {} did not close cleanly: {}", id(), e.toString());
        }
    }
}
