package dev.chat.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.chat.boot.kafka.ChatTopics;
import dev.chat.common.command.MessageEvent;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.InboxEntry;
import dev.chat.common.dialog.PageCursor;
import dev.chat.common.id.MessageIds;
import dev.chat.gateway.FakeWriter;
import dev.chat.gateway.TestHttp.User;
import dev.chat.gateway.TestSocket;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/** The {@code read} client frame and the {@code read} receipts the fan-out pushes to both users. */
class WebSocketReadTests extends WebSocketTest {

    @Autowired
    private DialogStore store;

    @Autowired
    private ChatTopics topics;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private ProducerFactory<?, ?> producers;

    @BeforeEach
    void standInReaderIsAssigned() {
        MessageListenerContainer container = listeners.getListenerContainer(FakeWriter.READS_LISTENER_ID);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> container.getAssignedPartitions() != null
                && !container.getAssignedPartitions().isEmpty());
    }

    @Test
    void aReadFrameIsAnsweredByNothingButTheReceiptOnEverySessionOfBothUsers() {
        User alice = http.newUser("Alice");
        User bob = http.newUser("Bob");
        UUID dialogId = dialog(alice, bob);
        TestSocket aliceSocket = socket(alice);
        List<TestSocket> bobs = List.of(socket(bob), socketWithQueryToken(bob));
        aliceSocket.send(send(bob, "did you read this?", "r-1"));
        JsonNode message = bobs.get(0).await(f -> "message".equals(f.path("type").asString()));
        String id = message.get("id").asString();

        bobs.get(0).send(Map.of("type", "read", "to", alice.id().toString(), "message_id", id));

        for (TestSocket socket : List.of(aliceSocket, bobs.get(0), bobs.get(1))) {
            JsonNode receipt = socket.await(f -> "read".equals(f.path("type").asString()));
            assertThat(receipt.get("dialog_id").asString()).isEqualTo(dialogId.toString());
            assertThat(receipt.get("user_id").asString()).isEqualTo(bob.id().toString());
            assertThat(receipt.get("message_id").asString()).isEqualTo(id);
            assertThat(receipt.propertyNames()).containsExactlyInAnyOrder("type", "dialog_id", "user_id", "message_id");
        }
        InboxEntry bobsInbox = store.showInbox(bob.id(), null, 10).dialogs().get(0);
        assertThat(bobsInbox.unread()).isZero();
        assertThat(bobsInbox.readUpTo()).isEqualTo(new PageCursor(message.get("ts").asLong(), UUID.fromString(id)));
        assertThat(bobs.get(0).frames()).noneMatch(f -> "error".equals(f.path("type").asString())
                || "accepted".equals(f.path("type").asString()));
    }

    @Test
    void aRefusedReadFrameIsAnErrorFrameWithTheProblemsCodeAndTheNamedMessage() {
        User carol = http.newUser("Carol");
        User dave = http.newUser("Dave");
        User stranger = http.newUser("Stranger");
        dialog(carol, dave);
        TestSocket socket = socket(carol);
        String neverSent = new MessageIds().next().toString();

        socket.send(Map.of("type", "read", "to", dave.id().toString(), "message_id", neverSent));
        socket.send(Map.of("type", "read", "to", stranger.id().toString(), "message_id", neverSent));
        socket.send(Map.of("type", "read", "to", dave.id().toString()));
        socket.send(Map.of("type", "read", "message_id", neverSent));
        socket.send(Map.of("type", "read", "to", dave.id().toString(), "message_id", "nope"));
        socket.send(Map.of("type", "read", "to", dave.id().toString(), "message_id", neverSent, "client_id", "x"));
        socket.send(Map.of("type", "ping"));

        socket.await(f -> "pong".equals(f.path("type").asString()));
        List<JsonNode> errors = socket.frames("error");
        assertThat(errors).extracting(f -> f.get("code").asString()).containsExactly("message-not-found",
                "dialog-not-found", "validation", "validation", "wrong-type", "unknown-field");
        assertThat(errors.get(0).get("id").asString()).isEqualTo(neverSent);
        assertThat(errors.get(0).get("message").asString()).contains(neverSent);
        assertThat(errors.get(1).get("id").asString()).isEqualTo(neverSent);
        assertThat(errors.get(2).get("message").asString()).contains("message_id");
        assertThat(socket.isClosed()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReceiptTheWriterPublishesAgainIsPushedOnceButAnotherUsersReceiptOfTheSameMessageIsPushed() {
        User erin = http.newUser("Erin");
        User frank = http.newUser("Frank");
        TestSocket socket = socket(erin);
        var events = new KafkaTemplate<>((ProducerFactory<String, Object>) producers);
        UUID dialogId = UUID.randomUUID();
        UUID id = new MessageIds().next();
        UUID marker = new MessageIds().next();

        events.send(eventsTopic(), dialogId.toString(), receipt(id, dialogId, frank, erin));
        events.send(eventsTopic(), dialogId.toString(), receipt(id, dialogId, frank, erin));
        events.send(eventsTopic(), dialogId.toString(), receipt(id, dialogId, erin, frank));
        events.send(eventsTopic(), dialogId.toString(), receipt(marker, dialogId, frank, erin));

        socket.await(f -> marker.toString().equals(f.path("message_id").asString()));
        assertThat(socket.frames("read")).extracting(f -> f.get("message_id").asString() + "/" + f.get("user_id").asString())
                .containsExactly(id + "/" + frank.id(), id + "/" + erin.id(), marker + "/" + frank.id());
    }

    private String eventsTopic() {
        return topics.topics().messageEvents();
    }

    private static MessageEvent receipt(UUID id, UUID dialogId, User reader, User friend) {
        return new MessageEvent(MessageEvent.Type.READ, id, dialogId, reader.id(), friend.id(), null,
                MessageIds.millisOf(id), System.currentTimeMillis(), null, null);
    }
}
