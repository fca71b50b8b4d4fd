package dev.chat.gateway.live;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.chat.common.command.PresenceSignal;
import dev.chat.gateway.friend.FriendRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who is online on any gateway (issue #14), as this gateway learns it from every gateway's {@link PresenceSignal}s:
 * per user, the gateways that named it and until when. A user is online while one of them holds; a name holds
 * {@value #EXPIRY_SECONDS} s, and each gateway names all its users every {@value #HEARTBEAT_SECONDS} s, so a gateway
 * that dies without a word (SIGKILL) takes its users offline within {@value #EXPIRY_SECONDS} s plus a sweep. When a
 * user goes from no gateway to one, or back, the sessions here of the users who named it as a friend get
 * {@code {"type":"presence","user_id","online"}}. Who named whom is read from Postgres and kept
 * {@value #FOLLOWERS_SECONDS} s, so a friendship made meanwhile sees presence changes that much later.
 *
 * <p>Limits: a gateway that starts knows the others' users only from their next heartbeat (up to
 * {@value #HEARTBEAT_SECONDS} s); a session opened and the last one closed at the same moment on one gateway may
 * announce in the wrong order, which that gateway's next heartbeat (online) or the expiry (offline) repairs.
 */
@Component
public class PresenceBoard implements SmartLifecycle {

    static final int HEARTBEAT_SECONDS = 10;
    static final int EXPIRY_SECONDS = 30;
    static final int FOLLOWERS_SECONDS = 30;
    private static final long SWEEP_MILLIS = 2000;

    private static final Logger log = LoggerFactory.getLogger(PresenceBoard.class);

    /** user → gateway → epoch ms until which that gateway's word holds; a user without gateways has no entry. */
    private final Map<UUID, Map<String, Long>> seen = new ConcurrentHashMap<>();
    private final SessionRegistry sessions;
    private final PresencePublisher publisher;
    private final LoadingCache<UUID, List<UUID>> followers;
    private final Frames frames;
    private volatile ScheduledExecutorService timer;

    PresenceBoard(SessionRegistry sessions, PresencePublisher publisher, FriendRepository friends, JsonMapper json) {
        this.sessions = sessions;
        this.publisher = publisher;
        this.followers = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterWrite(Duration.ofSeconds(FOLLOWERS_SECONDS)).build(friends::usersWhoNamedAsFriend);
        this.frames = new Frames(json);
    }

    /** Whether the user has a session on some gateway, as far as this gateway knows. */
    public boolean isOnline(UUID user) {
        return seen.containsKey(user);
    }

    void apply(PresenceSignal signal, long now) {
        if (signal.gateway() == null) {
            return;
        }
        signal.online().forEach(user -> mark(user, signal.gateway(), now + EXPIRY_SECONDS * 1000L));
        signal.offline().forEach(user -> unmark(user, signal.gateway()));
    }

    /** Drops the gateways' names that no heartbeat renewed. */
    void sweep(long now) {
        for (UUID user : List.copyOf(seen.keySet())) {
            boolean[] gone = {false};
            seen.computeIfPresent(user, (u, gateways) -> {
                gateways.values().removeIf(until -> until < now);
                gone[0] = gateways.isEmpty();
                return gone[0] ? null : gateways;
            });
            if (gone[0]) {
                announce(user, false);
            }
        }
    }

    private void mark(UUID user, String gateway, long until) {
        boolean[] first = {false};
        seen.compute(user, (u, gateways) -> {
            Map<String, Long> now = gateways == null ? new HashMap<>() : gateways;
            first[0] = now.isEmpty();
            now.put(gateway, until);
            return now;
        });
        if (first[0]) {
            announce(user, true);
        }
    }

    private void unmark(UUID user, String gateway) {
        boolean[] last = {false};
        seen.computeIfPresent(user, (u, gateways) -> {
            last[0] = gateways.remove(gateway) != null && gateways.isEmpty();
            return gateways.isEmpty() ? null : gateways;
        });
        if (last[0]) {
            announce(user, false);
        }
    }

    private void announce(UUID user, boolean online) {
        if (sessions.openSessions() == 0) {
            return; // nobody here to tell: no need to ask Postgres who follows the user
        }
        try {
            TextMessage frame = null;
            for (UUID follower : followers.get(user)) {
                for (ChatSession session : sessions.sessionsOf(follower)) {
                    frame = frame == null ? frames.text(new Frames.Presence("presence", user, online)) : frame;
                    session.push(frame);
                }
            }
        } catch (RuntimeException e) { // Postgres away: this change is not pushed; the friends list still says it
            log.warn("presence of {} not pushed: {}", user, e.toString());
        }
    }

    /** Never throws: an exception would cancel the schedule for good. */
    private void tick(boolean heartbeat) {
        try {
            if (heartbeat) {
                publisher.heartbeat(sessions.usersHere());
            } else {
                sweep(System.currentTimeMillis());
            }
        } catch (RuntimeException e) {
            log.error("presence {} failed", heartbeat ? "heartbeat" : "sweep", e);
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "presence");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> tick(true), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(() -> tick(false), SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService t = timer;
        timer = null;
        if (t != null) {
            t.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
