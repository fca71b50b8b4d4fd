package dev.chat.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.chat.boot.kafka.ChatTopics;
import dev.chat.common.command.MessageEvent;
import dev.chat.gateway.TestHttp.User;
import dev.chat.gateway.TestSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import tools.jackson.databind.JsonNode;

/** Close codes other than the slow consumer's, and the events that are not plain messages. */
class SessionLifecycleTests extends WebSocketTest {

    @Autowired
    JwtEncoder encoder;

    @Autowired
    ChatTopics kafka;

    @Autowired
    ProducerFactory<?, ?> producers;

    @Test
    void aSessionIsClosedWith4001WhenItsTokenExpires() {
        UUID user = http.newUser("Brief").id();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                JwtClaimsSet.builder().issuer("chat").subject(user.toString()).issuedAt(Instant.now())
                        .expiresAt(Instant.now().plusSeconds(2)).build())).getTokenValue();

        TestSocket socket = TestSocket.connect(port, token);

        try (socket) {
            assertThat(socket.awaitClose()).isEqualTo(CloseCode.TOKEN_EXPIRED.code());
        }
    }

    @Test
    void oneSessionMoreThanTheLimitIsClosedWith4003AndTheOthersStay() {
        User user = http.newUser("Tabs");
        List<TestSocket> tabs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tabs.add(socket(user));
        }

        TestSocket oneTooMany = socket(user);

        assertThat(oneTooMany.awaitClose()).isEqualTo(CloseCode.TOO_MANY_SESSIONS.code());
        tabs.get(15).send(Map.of("type", "ping"));
        tabs.get(15).await(f -> "pong".equals(f.path("type").asString()));
        assertThat(tabs).noneMatch(TestSocket::isClosed);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRejectedMessageIsAnErrorForTheAuthorsSessionsOnly() {
        User author = http.newUser("Rejected");
        User recipient = http.newUser("Spared");
        List<TestSocket> authors = List.of(socket(author), socket(author));
        TestSocket recipientSocket = socket(recipient);
        var events = new KafkaTemplate<>((ProducerFactory<String, Object>) producers);
        UUID dialogId = UUID.randomUUID();
        UUID rejectedId = UUID.randomUUID();
        UUID markerId = UUID.randomUUID();

        events.send(kafka.topics().messageEvents(), dialogId.toString(), new MessageEvent(MessageEvent.Type.REJECTED, rejectedId,
                dialogId, author.id(), recipient.id(), null, 1L, 2L, "r-1", "dialog-mismatch"));
        events.send(kafka.topics().messageEvents(), dialogId.toString(), written(markerId, dialogId, author, recipient));

        for (TestSocket socket : authors) {
            JsonNode error = socket.awaitType("error", "r-1");
            assertThat(error.get("code").asString()).isEqualTo("dialog-mismatch");
            assertThat(error.get("id").asString()).isEqualTo(rejectedId.toString());
        }
        recipientSocket.await(f -> markerId.toString().equals(f.path("id").asString()));
        assertThat(recipientSocket.frames("error")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRedeliveredWrittenEventIsPushedOnce() {
        User author = http.newUser("Twice");
        User recipient = http.newUser("Once");
        TestSocket socket = socket(recipient);
        var events = new KafkaTemplate<>((ProducerFactory<String, Object>) producers);
        UUID dialogId = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        UUID markerId = UUID.randomUUID();

        events.send(kafka.topics().messageEvents(), dialogId.toString(), written(id, dialogId, author, recipient));
        events.send(kafka.topics().messageEvents(), dialogId.toString(), written(id, dialogId, author, recipient));
        events.send(kafka.topics().messageEvents(), dialogId.toString(), written(markerId, dialogId, author, recipient));

        socket.await(f -> markerId.toString().equals(f.path("id").asString()));
        assertThat(socket.frames("message")).extracting(f -> f.get("id").asString()).containsExactly(id.toString(), markerId.toString());
    }

    @Test
    void theWebSocketHealthGroupIsUpOnceTheFanOutReceivesEvents() {
        var health = http.get("/actuator/health/websocket", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    private static MessageEvent written(UUID id, UUID dialogId, User author, User recipient) {
        return new MessageEvent(MessageEvent.Type.WRITTEN, id, dialogId, author.id(), recipient.id(), "text of " + id,
                System.currentTimeMillis(), System.currentTimeMillis(), null, null);
    }
}
