package dev.chat.writer.system;

import javax.sql.DataSource;

import dev.chat.boot.store.ConditionalOnStore;
import dev.chat.boot.store.Store;
import dev.chat.common.dialog.DialogStore;
import dev.chat.sqlstore.DialogSchema;
import dev.chat.sqlstore.PostgresDialogStore;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The SQL baseline ({@code chat.store=postgres}): {@link PostgresDialogStore} over Spring Boot's pooled
 * DataSource ({@code spring.datasource.*}). Its readiness component {@code dialogStore} comes from chat-boot
 * ({@code dev.chat.boot.store}), over the same DataSource.
 *
 * <p>The DataSource exists only here: {@link DataSourceAutoConfiguration} is excluded from the writer's
 * auto-configuration ({@code WriterApplication}) and imported by this class, which exists only with the SQL
 * store. With Redis the writer has no DataSource, so no pool, no Flyway and no {@code db} health component.
 *
 * <p>The writer owns the dialog tables, so it runs their migrations ({@link DialogSchema#LOCATION}) before the
 * store is used. They keep their own history table ({@link DialogSchema#HISTORY_TABLE}) and baseline below V1
 * when the schema already holds the gateway's user tables, so they and the gateway's user migrations never
 * clash, whichever runs first; two services migrating at once wait for each other on Flyway's lock, and the
 * second finds nothing to do.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnStore(Store.POSTGRES)
@Import(DataSourceAutoConfiguration.class)
class PostgresConfig {

    private static final Logger log = LoggerFactory.getLogger(PostgresConfig.class);

    /**
     * Migrated when created, so the store below never runs against a missing table. Its own bean, not Boot's
     * {@code spring.flyway.*}: in one JVM with the gateway (system tests) those settings are the gateway's.
     */
    @Bean
    Flyway dialogSchema(DataSource dataSource) {
        Flyway flyway = Flyway.configure().dataSource(dataSource)
                .locations(DialogSchema.LOCATION)
                .table(DialogSchema.HISTORY_TABLE)
                .baselineOnMigrate(DialogSchema.BASELINE_ON_MIGRATE)
                .baselineVersion(DialogSchema.BASELINE_VERSION)
                .load();
        try {
            MigrateResult result = flyway.migrate();
            log.info("writer uses the SQL dialog store; dialog schema at version {} ({} migrations applied now)",
                    flyway.info().current() == null ? "none" : flyway.info().current().getVersion(),
                    result.migrationsExecuted);
        } catch (RuntimeException e) {
            throw new IllegalStateException("writer: cannot migrate the dialog tables (" + DialogSchema.LOCATION
                    + ", history table " + DialogSchema.HISTORY_TABLE + ") in Postgres: " + e.getMessage(), e);
        }
        return flyway;
    }

    @Bean
    DialogStore dialogStore(DataSource dataSource, Flyway dialogSchema) {
        return new PostgresDialogStore(dataSource);
    }
}
