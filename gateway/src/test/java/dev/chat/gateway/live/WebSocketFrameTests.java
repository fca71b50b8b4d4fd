package dev.chat.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.chat.gateway.TestHttp.User;
import dev.chat.gateway.TestSocket;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Whatever a client sends, it gets an answer and keeps its connection. */
class WebSocketFrameTests extends WebSocketTest {

    @Test
    void badFramesAreAnsweredWithErrorFramesAndTheConnectionStaysUp() {
        User user = http.newUser("Sloppy");
        User friend = http.newUser("Patient");
        dialog(user, friend);
        TestSocket socket = socket(user);
        String to = friend.id().toString();

        socket.send("not json {");
        socket.send("[1, 2]");
        socket.send("{}");
        socket.send(Map.of("type", "shout"));
        socket.send(Map.of("type", "send", "to", to, "text", "hi", "colour", "red"));
        socket.send(Map.of("type", "send", "to", 5, "text", "hi"));
        socket.send(Map.of("type", "send", "to", "not-a-uuid", "text", "hi"));
        socket.send(Map.of("type", "send", "text", "hi"));
        socket.send(Map.of("type", "send", "to", to, "text", 42));
        socket.sendBinary(new byte[] {1, 2, 3});
        socket.send(Map.of("type", "ping"));
        socket.send(send(friend, "still here", "ok-1"));

        socket.awaitType("accepted", "ok-1");
        List<String> codes = socket.frames("error").stream().map(f -> f.get("code").asString()).toList();
        assertThat(codes).containsExactly("malformed-json", "malformed-json", "unknown-type", "unknown-type", "unknown-field",
                "wrong-type", "wrong-type", "validation", "wrong-type", "malformed-json");
        assertThat(socket.frames("error")).allSatisfy(f -> assertThat(f.get("message").asString()).isNotBlank());
        assertThat(socket.frames("pong")).hasSize(1);
        assertThat(socket.isClosed()).isFalse();
    }

    @Test
    void theErrorNamesTheFieldToFix() {
        User user = http.newUser("Typo");
        User friend = http.newUser("Reader");
        TestSocket socket = socket(user);

        socket.send(Map.of("type", "send", "to", friend.id().toString(), "text", "hi", "clientId", "camel"));

        JsonNode error = socket.await(f -> "error".equals(f.path("type").asString()));
        assertThat(error.get("code").asString()).isEqualTo("unknown-field");
        assertThat(error.get("message").asString()).contains("'clientId'").contains("client_id");
    }

    @Test
    void sendingFasterThanTheRateLimitIsAnsweredRateLimited() {
        User user = http.newUser("Flooder");
        User friend = http.newUser("Flooded");
        TestSocket socket = socket(user);

        for (int i = 0; i < 200; i++) { // no dialog: each send fails fast, and only the limiter decides which is which
            socket.send(send(friend, "spam " + i, "flood-" + i));
        }

        socket.awaitType("error", "flood-199");
        List<String> codes = socket.frames("error").stream().map(f -> f.get("code").asString()).toList();
        assertThat(codes).hasSize(200).containsOnly("dialog-not-found", ChatSocketHandler.RATE_LIMITED);
        assertThat(codes.subList(0, 40)).as("the burst").containsOnly("dialog-not-found");
        assertThat(codes).contains(ChatSocketHandler.RATE_LIMITED);
        assertThat(socket.isClosed()).isFalse();
    }
}
