package dev.chat.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.chat.boot.problem.ProblemType;
import dev.chat.common.dialog.DialogStore;
import dev.chat.gateway.GatewayApplication;
import dev.chat.gateway.TestHttp.Reply;
import dev.chat.gateway.TestHttp.User;
import dev.chat.gateway.TestHttp;
import dev.chat.sqlstore.DialogSchema;
import dev.chat.sqlstore.PostgresDialogStore;
import dev.chat.testsupport.TestPostgres;
import dev.chat.udf.RedisChat;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code chat.store=postgres}, the gateway started before any writer or reader migrated the dialog tables: its
 * users work at once, dialog lookups answer 503 and readiness is down until the tables exist; then lookups read
 * {@link PostgresDialogStore}. Redis is never connected (its URL points at nothing).
 */
// A configuration no other test class shares: close it when this class ends, so its Kafka clients, pools and
// threads do not keep running beside the rest of the suite on a 2-core machine.
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {GatewayApplication.CONFIG_NAME,
        "chat.store=postgres", "chat.redis.url=redis://127.0.0.1:1", "chat.kafka.partitions=1"})
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class PostgresStoreTests {

    private static final String DATABASE = TestPostgres.newDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
    }

    @LocalServerPort
    int port;

    @Autowired
    DialogStore store;

    @Autowired
    ApplicationContext context;

    @Test
    void looksDialogsUpInPostgresOnceTheirTablesAreMigrated() {
        TestHttp http = new TestHttp(port);
        assertThat(store).isInstanceOf(PostgresDialogStore.class);
        assertThat(context.getBeanNamesForType(RedisChat.class)).isEmpty();
        User me = http.newUser("Early");
        User friend = http.newUser("Bird");
        Map<String, String> request = Map.of("friend_id", friend.id().toString());

        Reply early = http.post("/api/v1/dialogs", me.token(), request);
        assertThat(early.status()).isEqualTo(503);
        assertThat(early.problemType()).isEqualTo(ProblemType.SERVICE_UNAVAILABLE.slug());
        assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(503);

        migrateDialogTablesAsTheWriterDoes();
        UUID dialog = store.makeDialog(me.id(), friend.id(), UUID.randomUUID(), "sql").dialog().id();

        Reply found = http.post("/api/v1/dialogs", me.token(), request);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("id").asString()).isEqualTo(dialog.toString());
        assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(versions("flyway_schema_history")).containsExactly("1");
        assertThat(versions(DialogSchema.HISTORY_TABLE)).startsWith("0", "1", "2");
    }

    private static void migrateDialogTablesAsTheWriterDoes() {
        Flyway.configure().dataSource(DATABASE, null, null).locations(DialogSchema.LOCATION)
                .table(DialogSchema.HISTORY_TABLE).baselineOnMigrate(DialogSchema.BASELINE_ON_MIGRATE)
                .baselineVersion(DialogSchema.BASELINE_VERSION).load().migrate();
    }

    static List<String> versions(String historyTable) {
        return JdbcClient.create(new DriverManagerDataSource(DATABASE))
                .sql("SELECT version FROM " + historyTable + " ORDER BY installed_rank").query(String.class).list();
    }
}
