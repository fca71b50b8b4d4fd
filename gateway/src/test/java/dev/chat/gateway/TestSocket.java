package dev.chat.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/**
 * A real WebSocket client ({@code java.net.http.WebSocket}) on the gateway's {@code /ws}, recording every frame it
 * reads. {@link #stopReading()} stops asking for frames, so the JDK client stops reading the socket: the server's
 * writes then pile up as they would for a client on a dead network.
 */
public final class TestSocket implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean reading = true;
    private volatile WebSocket socket;

    private TestSocket() {
    }

    /** Connects with {@code Authorization: Bearer <token>}. */
    public static TestSocket connect(int port, String token) {
        return open(URI.create("ws://127.0.0.1:" + port + "/ws"), token);
    }

    /** Connects with {@code ?access_token=<token>}, as a browser must. */
    public static TestSocket connectWithQueryToken(int port, String token) {
        return open(URI.create("ws://127.0.0.1:" + port + "/ws?access_token=" + token), null);
    }

    /** The HTTP status the server refused the handshake with; fails if the handshake succeeded. */
    public static int refusedStatus(URI uri, String token) {
        return refusedStatus(uri, token, null);
    }

    /** As {@link #refusedStatus(URI, String)}, sending {@code Origin} as a browser page from there would. */
    public static int refusedStatus(URI uri, String token, String origin) {
        try {
            TestSocket socket = open(uri, token, origin);
            socket.close();
            throw new AssertionError("the handshake to " + uri + " succeeded");
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    private static TestSocket open(URI uri, String token) {
        return open(uri, token, null);
    }

    private static TestSocket open(URI uri, String token, String origin) {
        TestSocket listener = new TestSocket();
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        listener.socket = builder.buildAsync(uri, listener).orTimeout(10, TimeUnit.SECONDS).join();
        return listener;
    }

    public void send(Object frame) {
        socket.sendText(TestHttp.json(frame), true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    public void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** The first frame read so far or within 30 s that matches. */
    public JsonNode await(Predicate<JsonNode> match) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> frames.stream().filter(match).findFirst().orElse(null), found -> found != null);
    }

    public JsonNode awaitType(String type, String clientId) {
        return await(f -> type.equals(f.path("type").asString()) && clientId.equals(f.path("client_id").asString(null)));
    }

    public List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    public List<JsonNode> frames(String type) {
        return frames.stream().filter(f -> type.equals(f.path("type").asString())).toList();
    }

    /** Stops asking the JDK client for frames; it then stops reading from the socket. */
    public void stopReading() {
        reading = false;
    }

    public void resumeReading() {
        reading = true;
        socket.request(Long.MAX_VALUE);
    }

    /** The close code the server sent, once it has closed (30 s at most). */
    public int awaitClose() {
        return closed.orTimeout(30, TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(TestHttp.JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        if (reading) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (!closed.isDone() && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        socket.abort();
    }
}
