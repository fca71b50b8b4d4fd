package dev.chat.gateway.live;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.chat.gateway.security.SocketUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketSession;

/**
 * The open {@code /ws} sessions of this gateway, by user. Owns the push pool that writes to sockets and the
 * heartbeat that pings, and closes stuck, idle and expired sessions. On shutdown it closes every session with
 * {@link CloseCode#GOING_AWAY} before the web server stops. Thread-safe.
 */
@Component
class SessionRegistry implements SmartLifecycle {

    /** A user's sessions here. */
    private record UserSessions(Set<ChatSession> sessions) {
    }

    private static final Logger log = LoggerFactory.getLogger(SessionRegistry.class);
    private static final long HEARTBEAT_MILLIS = 1000;

    private final Map<UUID, UserSessions> users = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final WebSocketProperties ws;
    private final LiveMetrics metrics;
    /** Told of a user's first session here and of the last one closing. */
    private final PresencePublisher presence;
    // made in start(), not here: a stopped context (Spring's test context pausing) may be started again
    private volatile ExecutorService pushPool;
    private volatile ScheduledExecutorService heartbeat;
    private volatile boolean running;

    SessionRegistry(WebSocketProperties ws, LiveMetrics metrics, PresencePublisher presence) {
        this.ws = ws;
        this.metrics = metrics;
        this.presence = presence;
        metrics.sessions(open::get);
    }

    /**
     * Registers a new connection; when the user already has {@code chat.ws.max-sessions-per-user} here it is closed
     * with {@link CloseCode#TOO_MANY_SESSIONS} instead (the session is returned either way).
     */
    ChatSession open(WebSocketSession raw, SocketUser user) {
        ChatSession session = new ChatSession(raw, user, this::push, ws, metrics, System.currentTimeMillis());
        boolean[] added = {false};
        boolean[] first = {false};
        users.compute(user.id(), (id, current) -> {
            UserSessions entry = current != null ? current : new UserSessions(ConcurrentHashMap.newKeySet());
            if (entry.sessions().size() < ws.maxSessionsPerUser()) {
                first[0] = entry.sessions().isEmpty();
                added[0] = entry.sessions().add(session);
            }
            return entry;
        });
        if (added[0]) {
            open.incrementAndGet();
            if (first[0]) {
                presence.online(user.id());
            }
        } else {
            session.close(CloseCode.TOO_MANY_SESSIONS);
        }
        return session;
    }

    void remove(ChatSession session) {
        session.closed();
        boolean[] last = {false};
        users.computeIfPresent(session.userId(), (id, entry) -> {
            if (entry.sessions().remove(session)) {
                open.decrementAndGet();
                last[0] = entry.sessions().isEmpty();
            }
            return entry.sessions().isEmpty() ? null : entry;
        });
        if (last[0]) {
            presence.offline(session.userId());
        }
    }

    /** The users with a session here (a snapshot). */
    Set<UUID> usersHere() {
        return Set.copyOf(users.keySet());
    }

    /** The user's open sessions here (a snapshot; empty when none). */
    List<ChatSession> sessionsOf(UUID userId) {
        UserSessions entry = users.get(userId);
        return entry == null ? List.of() : List.copyOf(entry.sessions());
    }

    int openSessions() {
        return open.get();
    }

    /** Runs a write or a close on the push pool. */
    private void push(Runnable task) {
        ExecutorService pool = pushPool;
        if (pool == null) {
            throw new RejectedExecutionException("WebSocket push pool not running");
        }
        pool.execute(task);
    }

    @Override
    public void start() {
        pushPool = Executors.newFixedThreadPool(ws.pushThreads(), named("ws-push-"));
        heartbeat = Executors.newSingleThreadScheduledExecutor(named("ws-heartbeat-"));
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Before the web server stops (highest phase stops first): clients hear 1001 and reconnect elsewhere. */
    @Override
    public void stop() {
        running = false;
        heartbeat.shutdownNow();
        users.values().forEach(entry -> entry.sessions().forEach(s -> s.close(CloseCode.GOING_AWAY)));
        ExecutorService pool = pushPool;
        pool.shutdown();
        try {
            pool.awaitTermination(ws.sendTimeLimit().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        pushPool = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    /** Never throws: an exception would cancel the schedule for good. */
    private void beat() {
        try {
            long now = System.currentTimeMillis();
            users.values().forEach(entry -> entry.sessions().forEach(s -> s.check(now)));
        } catch (RuntimeException e) {
            log.error("WebSocket heartbeat failed", e);
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
