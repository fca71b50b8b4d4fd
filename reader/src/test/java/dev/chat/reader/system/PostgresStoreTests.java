package dev.chat.reader.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.id.MessageIds;
import dev.chat.reader.ReaderApplication;
import dev.chat.sqlstore.PostgresDialogStore;
import dev.chat.testsupport.TestPostgres;
import dev.chat.udf.RedisChat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * {@code chat.store=postgres} on a fresh database that no writer has migrated: the reader migrates the dialog
 * tables itself, reads through {@link PostgresDialogStore}, and never connects to Redis (its URL points at
 * nothing).
 */
// A configuration no other test class shares: close it when this class ends, so its Kafka clients, pools and
// threads do not keep running beside the rest of the suite on a 2-core machine.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ReaderApplication.CONFIG_NAME, "chat.security.jwt.secret=" + TestTokens.SECRET,
                "chat.store=postgres", "chat.redis.url=redis://127.0.0.1:1"})
@AutoConfigureRestTestClient
class PostgresStoreTests {

    private static final String DATABASE = TestPostgres.newDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
    }

    @Autowired
    RestTestClient http;

    @Autowired
    DialogStore store;

    @Autowired
    ApplicationContext context;

    @Test
    void readsHistoryFromPostgresWithoutRedis() {
        assertThat(store).isInstanceOf(PostgresDialogStore.class);
        assertThat(context.getBeanNamesForType(RedisChat.class)).isEmpty();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID dialog = store.makeDialog(alice, bob, UUID.randomUUID(), "").dialog().id();
        ChatMessage message = new ChatMessage(new MessageIds().next(), bob, dialog, "from SQL",
                System.currentTimeMillis());
        store.writeMessage(message, null);

        http.get().uri("/api/v1/dialogs/{friend}/messages", bob)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forUser(alice)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.messages.length()").isEqualTo(1)
                .jsonPath("$.messages[0].id").isEqualTo(message.id().toString())
                .jsonPath("$.messages[0].message").isEqualTo("from SQL");
    }

    @Test
    void isReadyWhenTheDialogTablesAreThere() {
        Health health = context.getBean("dialogStoreHealthIndicator", HealthIndicator.class).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("store", "postgres");
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }
}
