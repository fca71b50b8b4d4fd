package dev.chat.reader;

import java.net.URI;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.DialogStore;
import dev.chat.reader.system.TestTokens;
import dev.chat.testsupport.TestRedis;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The whole reader on a random port over real HTTP, against the real Redis binding on the test Redis. Data is
 * seeded through the same {@link DialogStore} the writer uses; every test uses fresh random user ids, so tests
 * never see each other's dialogs. One shared Spring context for all subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ReaderApplication.CONFIG_NAME, "chat.security.jwt.secret=" + TestTokens.SECRET})
@AutoConfigureRestTestClient
public abstract class ReaderApiTestSupport {

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("chat.redis.url", TestRedis::uri);
    }

    @Autowired
    protected RestTestClient http;

    @Autowired
    protected DialogStore store;

    /** GET as the given user. */
    protected RestTestClient.ResponseSpec get(UUID caller, String uriTemplate, Object... variables) {
        return http.get().uri(uriTemplate, variables)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forUser(caller))
                .exchange();
    }

    /** Asserts an RFC 9457 problem of the given status and type. */
    protected static void expectProblem(RestTestClient.ResponseSpec response, int status, URI type) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(type.toString())
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty();
    }

    protected UUID newDialog(UUID user, UUID friend) {
        return store.makeDialog(user, friend, UUID.randomUUID(), "").dialog().id();
    }

    protected ChatMessage write(UUID dialogId, UUID author, UUID id, long ts, String text) {
        ChatMessage message = new ChatMessage(id, author, dialogId, text, ts);
        store.writeMessage(message, null);
        return message;
    }
}
