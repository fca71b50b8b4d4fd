package dev.chat.loadtest.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recipient of one dialog on a WebSocket, following docs/websocket.md as a client would: it collects the pushed
 * {@code message} ids; once the dialog has messages it reads the newest page and keeps its {@code newer} cursor; when
 * the connection is lost it reconnects to the next gateway (socket first), then reads {@code ?after=<newer>} until a
 * short page. Whatever it saw, pushed or caught up, must in the end be every stored message of the dialog.
 *
 * <p>Records how long each loss took until the client was back and caught up. Thread-safe; the reconnects and
 * catch-ups run on a scheduler ({@link #scheduler}), so the socket's listener never blocks.
 */
final class LiveWatcher implements WebSocket.Listener {

    static final int PAGE = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long FIRST_RETRY_MS = 300;
    private static final long MAX_RETRY_MS = 2000;
    /** How long an upgrade may take: a gateway that is up answers within it even under the load test's traffic. */
    private static final Duration HANDSHAKE = Duration.ofSeconds(10);

    private final ChatApi api;
    private final Pair pair;
    private final List<String> gateways;
    private final HttpClient sockets;
    private final ScheduledExecutorService scheduler;
    private final Timeline timeline;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final List<Long> recoveriesMs = new ArrayList<>(); // guarded by this
    private final StringBuilder frame = new StringBuilder(); // the listener's own: calls are sequential
    private volatile boolean stopped;
    private volatile String cursor;
    private volatile boolean cursorAsked;
    private int current; // guarded by this
    private long lostAtMs = -1; // guarded by this
    private long retryMs = FIRST_RETRY_MS; // guarded by this
    private WebSocket socket; // guarded by this

    LiveWatcher(ChatApi api, Pair pair, List<String> gateways, HttpClient sockets, ScheduledExecutorService scheduler,
                Timeline timeline) {
        this.api = api;
        this.pair = pair;
        this.gateways = gateways;
        this.sockets = sockets;
        this.scheduler = scheduler;
        this.timeline = timeline;
        this.current = Math.max(0, gateways.indexOf(pair.gateway()));
    }

    /** One scheduler for the watchers of a run, a thread each: real clients do not wait for one another. */
    static ScheduledExecutorService scheduler(int watchers) {
        return Executors.newScheduledThreadPool(watchers, r -> {
            Thread t = new Thread(r, "live-watcher");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects to the pair's own gateway, up to three tries (a gateway under the load test's traffic may take seconds
     * to answer the upgrade); throws when none works, which before the traffic is a broken set-up.
     */
    void start() {
        for (int attempt = 1; ; attempt++) {
            try {
                WebSocket ws = open(gateways.get(current)).get(HANDSHAKE.toSeconds() + 5, TimeUnit.SECONDS);
                synchronized (this) {
                    socket = ws;
                }
                return;
            } catch (Exception e) {
                if (attempt == 3) {
                    throw new IllegalStateException("watcher " + pair.index() + ": no WebSocket to "
                            + gateways.get(current) + " after 3 tries", e);
                }
            }
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        frame.setLength(0); // a frame cut off with the last socket
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        frame.append(data);
        if (last) {
            JsonNode event = JSON.readTree(frame.toString());
            frame.setLength(0);
            if ("message".equals(event.path("type").asString(""))) {
                seen.add(event.path("id").asString());
                if (!cursorAsked) {
                    cursorAsked = true; // the client opens the dialog: its newest page gives the cursor to keep
                    scheduler.execute(() -> catchUp(false));
                }
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        lost(webSocket, "closed " + statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        lost(webSocket, error.getClass().getSimpleName());
    }

    private synchronized void lost(WebSocket webSocket, String why) {
        if (stopped || webSocket != socket) {
            return;
        }
        socket = null;
        lostAtMs = timeline.nowMs();
        retryMs = FIRST_RETRY_MS;
        timeline.add("watcher " + pair.index() + " lost its socket on " + gateways.get(current) + " (" + why + ")");
        scheduleReconnect();
    }

    private synchronized void scheduleReconnect() {
        current = (current + 1) % gateways.size();
        scheduler.schedule(this::reconnect, retryMs, TimeUnit.MILLISECONDS);
        retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
    }

    /** Socket first, then the catch-up: nothing falls between what it reads and what is pushed after. */
    private void reconnect() {
        if (stopped) {
            return;
        }
        String gateway;
        synchronized (this) {
            gateway = gateways.get(current);
        }
        try {
            WebSocket ws = open(gateway).get(HANDSHAKE.toSeconds() + 5, TimeUnit.SECONDS);
            synchronized (this) {
                socket = ws;
            }
        } catch (Exception e) {
            scheduleReconnect();
            return;
        }
        catchUp(true);
    }

    /** Reads after the kept cursor (the newest page without one) until a short page; retried while it fails. */
    private void catchUp(boolean afterLoss) {
        while (!stopped) {
            ChatApi.Page page = api.page(pair.reader(), pair.tokenB(), pair.a(), cursor, PAGE);
            if (page == null) {
                sleep(500);
                continue;
            }
            seen.addAll(page.ids());
            cursor = page.newer() == null ? cursor : page.newer();
            if (page.ids().size() < PAGE || !afterLoss) {
                break;
            }
        }
        if (afterLoss) {
            recovered();
        }
    }

    private synchronized void recovered() {
        if (lostAtMs >= 0) {
            long took = timeline.nowMs() - lostAtMs;
            recoveriesMs.add(took);
            timeline.add("watcher " + pair.index() + " back on " + gateways.get(current) + " and caught up after "
                    + took / 1000.0 + " s");
            lostAtMs = -1;
        }
    }

    /** The ids among {@code stored} this client has not seen. */
    List<String> unseen(Collection<String> stored) {
        return stored.stream().filter(id -> !seen.contains(id)).toList();
    }

    /** How long each loss took until back and caught up, ms; a loss not recovered yet counts until now. */
    synchronized List<Long> recoveriesMs() {
        List<Long> all = new ArrayList<>(recoveriesMs);
        if (lostAtMs >= 0) {
            all.add(timeline.nowMs() - lostAtMs);
        }
        return all;
    }

    synchronized void stop() {
        stopped = true;
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "run over");
        }
    }

    private CompletableFuture<WebSocket> open(String gateway) {
        return sockets.newWebSocketBuilder().connectTimeout(HANDSHAKE)
                .header("Authorization", "Bearer " + pair.tokenB())
                .buildAsync(URI.create(gateway.replaceFirst("^http", "ws") + "/ws"), this);
    }

    private static void sleep(long ms) {
        java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ms));
    }
}
