package dev.chat.reader.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import dev.chat.boot.problem.ProblemType;
import dev.chat.common.dialog.DialogStore;
import dev.chat.reader.ReaderApplication;
import dev.chat.testsupport.TestPostgres;
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
 * The SQL store's counterpart of {@link RedisOutageTests}: the reader's database stops taking connections, so
 * reads answer 503 with a retry hint and the instance reports itself not ready. A short pool timeout keeps the
 * wait for a connection at a quarter of a second.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ReaderApplication.CONFIG_NAME, "chat.security.jwt.secret=" + TestTokens.SECRET,
                "chat.store=postgres", "spring.datasource.hikari.connection-timeout=250"})
@AutoConfigureRestTestClient
@DirtiesContext
class PostgresOutageTests {

    private static final String DATABASE = TestPostgres.newDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
    }

    @Autowired
    RestTestClient http;

    @Autowired
    DialogStore store;

    @Test
    void readsAnswerServiceUnavailableAndTheInstanceIsNotReadyWhilePostgresRefusesConnections() throws SQLException {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        store.makeDialog(alice, bob, UUID.randomUUID(), "");
        String token = "Bearer " + TestTokens.forUser(alice);

        refuseConnections();

        http.get().uri("/api/v1/dialogs/{f}/messages", bob).header(HttpHeaders.AUTHORIZATION, token).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(ProblemType.SERVICE_UNAVAILABLE.uri().toString());
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.status").isEqualTo("DOWN");
    }

    /** Closes the database to new connections and ends the pool's current ones, as a restart would. */
    private static void refuseConnections() throws SQLException {
        String name = DATABASE.substring(DATABASE.lastIndexOf('/') + 1, DATABASE.indexOf('?'));
        String admin = DATABASE.replace("/" + name + "?", "/postgres?");
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
        }
    }
}
