package dev.chat.boot.store;

import javax.sql.DataSource;

import dev.chat.sqlstore.DialogSchema;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Health component {@code dialogStore} with {@code chat.store=postgres}, part of readiness: up when Postgres
 * answers and holds the dialog tables. Down while they are missing (not migrated yet: the writer and the reader
 * run {@link DialogSchema#LOCATION}) or when Postgres is unreachable (the exception is the detail). Registered by
 * {@link PostgresStoreAutoConfiguration}.
 */
final class PostgresStoreHealthIndicator extends AbstractHealthIndicator {

    private static final String TABLES_EXIST =
            "SELECT to_regclass('dialogs') IS NOT NULL AND to_regclass('messages') IS NOT NULL";

    private final JdbcClient jdbc;

    PostgresStoreHealthIndicator(DataSource dataSource) {
        super("dialog store (Postgres) health check failed");
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean migrated = Boolean.TRUE.equals(jdbc.sql(TABLES_EXIST).query(Boolean.class).single());
        builder.withDetail("store", "postgres");
        if (migrated) {
            builder.up();
        } else {
            builder.down().withDetail("reason", "dialog tables missing: " + DialogSchema.LOCATION + " not migrated yet");
        }
    }
}
