package dev.chat.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A chat client's WebSocket on one gateway's {@code /ws} ({@code java.net.http}), recording every frame. */
final class ChatSocket implements WebSocket.Listener, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private ChatSocket() {
    }

    /** Opens {@code ws://…/ws} on the gateway at {@code gatewayUrl} as the client's user. */
    static ChatSocket open(String gatewayUrl, Client client) {
        ChatSocket listener = new ChatSocket();
        listener.socket = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + client.token)
                .buildAsync(URI.create(gatewayUrl.replaceFirst("^http", "ws") + "/ws"), listener)
                .orTimeout(10, TimeUnit.SECONDS).join();
        return listener;
    }

    void send(Client to, String text, String clientId) {
        String frame = JSON.writeValueAsString(JSON.createObjectNode().put("type", "send").put("to", to.id.toString())
                .put("text", text).put("client_id", clientId));
        socket.sendText(frame, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** The friend sees {@code typing} (issue #14). */
    void typing(Client to) {
        String frame = JSON.writeValueAsString(JSON.createObjectNode().put("type", "typing").put("to", to.id.toString()));
        socket.sendText(frame, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    JsonNode await(Predicate<JsonNode> match) {
        return Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> frames.stream().filter(match).findFirst().orElse(null), found -> found != null);
    }

    JsonNode awaitMessage(String text) {
        return await(f -> "message".equals(f.path("type").asString()) && text.equals(f.path("text").asString()));
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        socket.abort();
    }
}
