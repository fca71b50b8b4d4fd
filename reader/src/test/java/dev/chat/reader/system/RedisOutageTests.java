package dev.chat.reader.system;

import java.util.UUID;

import dev.chat.boot.problem.ProblemType;
import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.id.MessageIds;
import dev.chat.reader.ReaderApplication;
import dev.chat.testsupport.FreePorts;
import dev.chat.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Redis going away is not the client's fault and not a bug: reads answer 503 with a retry hint, and the
 * instance reports itself not ready. A private Redis that this class stops; a short command timeout in the
 * URL keeps the wait for Lettuce to give up at one second.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ReaderApplication.CONFIG_NAME, "chat.security.jwt.secret=" + TestTokens.SECRET})
@AutoConfigureRestTestClient
@DirtiesContext
class RedisOutageTests {

    private static final TestRedis.Server redis = TestRedis.start(FreePorts.find());

    @DynamicPropertySource
    static void privateRedis(DynamicPropertyRegistry registry) {
        registry.add("chat.redis.url", () -> redis.uri() + "?timeout=1s");
    }

    @AfterAll
    static void stopRedis() {
        redis.stop(); // stopping twice is harmless
    }

    @Autowired
    RestTestClient http;

    @Autowired
    DialogStore store;

    @Test
    void readsAnswerServiceUnavailableAndTheInstanceIsNotReadyWhileRedisIsDown() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID dialog = store.makeDialog(alice, bob, UUID.randomUUID(), "").dialog().id();
        store.writeMessage(new ChatMessage(new MessageIds().next(), bob, dialog, "hi", System.currentTimeMillis()),
                null);
        String token = "Bearer " + TestTokens.forUser(alice);
        http.get().uri("/api/v1/dialogs/{f}/messages", bob).header(HttpHeaders.AUTHORIZATION, token).exchange()
                .expectStatus().isOk();

        redis.stop();

        http.get().uri("/api/v1/dialogs/{f}/messages", bob).header(HttpHeaders.AUTHORIZATION, token).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(ProblemType.SERVICE_UNAVAILABLE.uri().toString());
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.status").isEqualTo("DOWN");
    }
}
