package dev.chat.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import dev.chat.gateway.TestHttp.User;
import dev.chat.gateway.TestSocket;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/** The {@code typing} client frame: through the live-signals topic to the friend's sessions, never answered. */
class WebSocketTypingTests extends WebSocketTest {

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private MeterRegistry meters;

    /** The signals are read from the end: the relay must own its partitions before a test types. */
    @BeforeEach
    void relayIsAssigned() {
        MessageListenerContainer container = listeners.getListenerContainer(LiveSignalListener.ID);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> container.getAssignedPartitions() != null
                && !container.getAssignedPartitions().isEmpty());
    }

    @Test
    void typingReachesOnlyTheFriendsSessionsAndIsNotAnswered() {
        User alice = http.newUser("Alice");
        User bob = http.newUser("Bob");
        User carol = http.newUser("Carol");
        dialog(alice, bob);
        dialog(alice, carol);
        TestSocket aliceSocket = socket(alice);
        TestSocket bobSocket = socket(bob);
        TestSocket carolSocket = socket(carol);

        aliceSocket.send(typing(bob));

        JsonNode atBob = bobSocket.await(f -> "typing".equals(f.path("type").asString()));
        assertThat(atBob.get("from").asString()).isEqualTo(alice.id().toString());
        assertThat(atBob.propertyNames()).containsExactlyInAnyOrder("type", "from");
        // a ping sent after the typing frame is answered after it: nothing else came for the typing frame
        aliceSocket.send(Map.of("type", "ping"));
        aliceSocket.await(f -> "pong".equals(f.path("type").asString()));
        assertThat(aliceSocket.frames()).extracting(f -> f.path("type").asString()).containsExactly("pong");
        // Carol, Alice's friend too but not the one she types to, gets nothing; her own typing proves the relay ran
        bobSocket.send(typing(alice));
        aliceSocket.await(f -> "typing".equals(f.path("type").asString()));
        assertThat(carolSocket.frames("typing")).isEmpty();
    }

    @Test
    void typingAgainWithinTheIntervalIsDroppedWithoutAnAnswer() {
        User dave = http.newUser("Dave");
        User erin = http.newUser("Erin");
        dialog(dave, erin);
        TestSocket daveSocket = socket(dave);
        TestSocket erinSocket = socket(erin);
        double dropped = count("dropped");

        daveSocket.send(typing(erin));
        daveSocket.send(typing(erin));
        daveSocket.send(Map.of("type", "ping"));
        daveSocket.await(f -> "pong".equals(f.path("type").asString()));

        erinSocket.await(f -> "typing".equals(f.path("type").asString()));
        assertThat(count("dropped")).as("the second within chat.ws.typing-interval (2 s)").isEqualTo(dropped + 1);
        assertThat(daveSocket.frames()).extracting(f -> f.path("type").asString()).containsExactly("pong");
    }

    @Test
    void typingToSomeoneWithoutADialogIsADialogNotFoundErrorFrame() {
        User frank = http.newUser("Frank");
        User grace = http.newUser("Grace");
        TestSocket frankSocket = socket(frank);

        frankSocket.send(typing(grace));

        JsonNode error = frankSocket.await(f -> "error".equals(f.path("type").asString()));
        assertThat(error.get("code").asString()).isEqualTo("dialog-not-found");
    }

    private static Map<String, Object> typing(User to) {
        return Map.of("type", "typing", "to", to.id().toString());
    }

    private double count(String outcome) {
        var counter = meters.find(TypingRelay.TYPING).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
