package dev.chat.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.chat.common.dialog.DialogStore;
import dev.chat.gateway.GatewayApplication;
import dev.chat.gateway.TestHttp;
import dev.chat.gateway.TestHttp.Reply;
import dev.chat.gateway.TestHttp.User;
import dev.chat.sqlstore.DialogSchema;
import dev.chat.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ./chat start order with {@code chat.store=postgres}: the reader and writer migrated the dialog tables
 * before the gateway starts. The gateway's user migrations find a non-empty schema without their history,
 * baseline below V1 (gateway.yml) and still create the user tables; both histories stay apart.
 */
// A configuration no other test class shares: close it when this class ends, so its Kafka clients, pools and
// threads do not keep running beside the rest of the suite on a 2-core machine.
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {GatewayApplication.CONFIG_NAME,
        "chat.store=postgres", "chat.redis.url=redis://127.0.0.1:1", "chat.kafka.partitions=1"})
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class DialogTablesFirstTests {

    private static final String DATABASE = migratedDialogDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
    }

    @LocalServerPort
    int port;

    @Autowired
    DialogStore store;

    @Test
    void migratesTheUserTablesNextToTheDialogTables() {
        TestHttp http = new TestHttp(port);
        User me = http.newUser("Late");
        User friend = http.newUser("Comer");
        UUID dialog = store.makeDialog(me.id(), friend.id(), UUID.randomUUID(), "").dialog().id();

        Reply found = http.post("/api/v1/dialogs", me.token(), Map.of("friend_id", friend.id().toString()));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("id").asString()).isEqualTo(dialog.toString());
        assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(versions("flyway_schema_history")).containsExactly("0", "1");
        assertThat(versions(DialogSchema.HISTORY_TABLE)).startsWith("1", "2").doesNotContain("0");
    }

    private static String migratedDialogDatabase() {
        String url = TestPostgres.newDatabase();
        Flyway.configure().dataSource(url, null, null).locations(DialogSchema.LOCATION)
                .table(DialogSchema.HISTORY_TABLE).baselineOnMigrate(DialogSchema.BASELINE_ON_MIGRATE)
                .baselineVersion(DialogSchema.BASELINE_VERSION).load().migrate();
        return url;
    }

    private static List<String> versions(String historyTable) {
        return JdbcClient.create(new DriverManagerDataSource(DATABASE))
                .sql("SELECT version FROM " + historyTable + " ORDER BY installed_rank").query(String.class).list();
    }
}
