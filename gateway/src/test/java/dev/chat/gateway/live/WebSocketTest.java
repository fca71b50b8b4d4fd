package dev.chat.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.chat.gateway.FakeWriter;
import dev.chat.gateway.GatewayIntegrationTest;
import dev.chat.gateway.TestHttp.Reply;
import dev.chat.gateway.TestHttp.User;
import dev.chat.gateway.TestSocket;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** The shared gateway context plus WebSocket helpers; closes every socket a test opened. */
abstract class WebSocketTest extends GatewayIntegrationTest {

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    private final List<TestSocket> sockets = new ArrayList<>();

    /** The fan-out reads from the end: it must own its partitions before a test produces an event. */
    @BeforeEach
    void fanOutAndStandInWriterAreAssigned() {
        for (String id : List.of(MessageEventListener.ID, FakeWriter.MESSAGES_LISTENER_ID)) {
            MessageListenerContainer container = listeners.getListenerContainer(id);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> container.getAssignedPartitions() != null
                    && !container.getAssignedPartitions().isEmpty());
        }
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(TestSocket::close);
    }

    TestSocket socket(User user) {
        TestSocket socket = TestSocket.connect(port, user.token());
        sockets.add(socket);
        return socket;
    }

    TestSocket socketWithQueryToken(User user) {
        TestSocket socket = TestSocket.connectWithQueryToken(port, user.token());
        sockets.add(socket);
        return socket;
    }

    /** Creates the dialog of the two users through the gateway (and the stand-in writer); its id. */
    UUID dialog(User user, User friend) {
        Reply reply = http.post("/api/v1/dialogs", user.token(), Map.of("friend_id", friend.id().toString()));
        assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
        return UUID.fromString(reply.json().get("id").asString());
    }

    static Map<String, Object> send(User to, String text, String clientId) {
        return Map.of("type", "send", "to", to.id().toString(), "text", text, "client_id", clientId);
    }
}
