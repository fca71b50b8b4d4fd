package dev.chat.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.PageRequest;
import dev.chat.gateway.HostileInput;
import dev.chat.gateway.TestHttp;
import dev.chat.gateway.TestHttp.User;
import dev.chat.gateway.TestSocket;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;

/**
 * The bad-input sweep on {@code /ws}: every bad frame is answered with a typed error frame on the open connection
 * and stores nothing; a frame over the size limit closes with 1009; hostile but valid text is stored byte for byte.
 */
class WebSocketBadInputTests extends WebSocketTest {

    static final List<String> ERROR_CODES = List.of("malformed-json", "unknown-type", "unknown-field", "wrong-type", "validation");

    @Autowired
    DialogStore store;

    @Value("${chat.ws.max-text-frame}")
    DataSize maxFrame;

    @Test
    void everyBadFrameIsAnsweredWithAnErrorFrameAndNothingIsStored() {
        User user = http.newUser("WsSweeper");
        User friend = http.newUser("WsSwept");
        UUID dialogId = dialog(user, friend);
        TestSocket socket = socket(user);
        List<String> frames = badFrames(friend.id().toString());

        frames.forEach(socket::send);
        socket.send(send(friend, "the only good one", "good"));

        socket.awaitType("accepted", "good");
        List<JsonNode> errors = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> socket.frames("error"), e -> e.size() >= frames.size());
        assertThat(errors).hasSize(frames.size())
                .allSatisfy(e -> assertThat(e.get("code").asString()).isIn(ERROR_CODES))
                .allSatisfy(e -> assertThat(e.get("message").asString()).isNotBlank());
        assertThat(socket.frames("accepted")).hasSize(1);
        assertThat(socket.isClosed()).isFalse();
        List<String> stored = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> texts(dialogId), t -> !t.isEmpty());
        assertThat(stored).containsExactly("the only good one");
    }

    @Test
    void aFrameOverTheLimitClosesWith1009AndAFrameJustUnderItIsAnErrorFrame() {
        User user = http.newUser("WsHuge");
        User friend = http.newUser("WsHugeFriend");
        TestSocket under = socket(user);
        TestSocket over = socket(user);
        int limit = (int) maxFrame.toBytes();

        under.send(Map.of("type", "send", "to", friend.id().toString(), "text", "x".repeat(limit - 100), "client_id", "big"));
        over.send(Map.of("type", "send", "to", friend.id().toString(), "text", "x".repeat(limit + 1), "client_id", "huge"));

        assertThat(under.awaitType("error", "big").get("code").asString()).isEqualTo("validation");
        assertThat(over.awaitClose()).isEqualTo(1009);
    }

    @Test
    void hostileButValidTextIsAcceptedPushedAndStoredByteForByte() {
        User user = http.newUser("WsHostile");
        User friend = http.newUser("WsTarget");
        UUID dialogId = dialog(user, friend);
        TestSocket socket = socket(user);
        Map<String, String> sent = new LinkedHashMap<>(HostileInput.VALID);

        sent.forEach((name, text) -> socket.send(send(friend, text, name)));

        sent.forEach((name, text) -> {
            assertThat(socket.awaitType("accepted", name)).isNotNull();
            assertThat(socket.awaitType("message", name).get("text").asString()).as(name).isEqualTo(text);
        });
        assertThat(socket.frames("error")).isEmpty();
        List<String> stored = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> texts(dialogId), t -> t.size() >= sent.size());
        assertThat(stored).containsExactlyInAnyOrderElementsOf(sent.values());
    }

    private List<String> texts(UUID dialogId) {
        List<String> texts = new ArrayList<>();
        for (ChatMessage m : store.showMessages(dialogId, PageRequest.newest(1000)).messages()) {
            texts.add(m.message());
        }
        return texts;
    }

    /** Raw frame texts, each wrong in one way. */
    static List<String> badFrames(String to) {
        List<String> frames = new ArrayList<>(List.of("{", "{\"type\": \"send\"", "not json", "", " ", "[]", "42", "null",
                "\"send\"", "{\"type\": \"send\", \"to\": \"" + to + "\", \"text\": \"x\",}", "{\"a\":" + "[".repeat(3000),
                "{}", "{\"type\": null}", "{\"type\": 5}", "{\"type\": [\"send\"]}", "{\"type\": \"SEND\"}", "{\"type\": \"send\u0000\"}"));
        Map<String, Object> valid = new LinkedHashMap<>(Map.of("type", "send", "to", to, "text", "hi", "client_id", "c"));
        for (String field : List.of("to", "text", "client_id")) {
            for (Object wrong : new Object[] {42, true, List.of("x"), Map.of("a", 1)}) {
                frames.add(with(valid, field, wrong));
            }
        }
        for (Object badTo : new Object[] {null, "", "not-a-uuid", "-1", to + "0", "x".repeat(5000), "' OR 1=1 --"}) {
            frames.add(with(valid, "to", badTo));
        }
        for (Object badText : new Object[] {null, "", " \n\t", "a".repeat(4097)}) {
            frames.add(with(valid, "text", badText));
        }
        for (Object badClientId : new Object[] {"", "has space", "x".repeat(129), "ключ"}) {
            frames.add(with(valid, "client_id", badClientId));
        }
        for (String forged : List.of("from", "author_id", "dialog_id", "user_id")) {
            frames.add(with(valid, forged, UUID.randomUUID().toString()));
        }
        for (String escaped : HostileInput.LONE_SURROGATES) {
            frames.add(with(valid, "text", "@@").replace("\"@@\"", "\"" + escaped + "\""));
        }
        return frames;
    }

    private static String with(Map<String, Object> valid, String field, Object value) {
        Map<String, Object> frame = new LinkedHashMap<>(valid);
        frame.put(field, value);
        return TestHttp.json(frame);
    }
}
