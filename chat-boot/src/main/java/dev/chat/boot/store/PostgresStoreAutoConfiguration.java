package dev.chat.boot.store;

import javax.sql.DataSource;

import dev.chat.common.dialog.DialogStore;
import dev.chat.sqlstore.DialogSchema;
import dev.chat.sqlstore.PostgresDialogStore;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The SQL baseline ({@code chat.store=postgres}) for every service: {@link PostgresDialogStore} over Spring Boot's
 * pooled DataSource ({@code spring.datasource.*}), the dialog tables migrated before the store is handed out, and
 * the {@code dialogStore} health component.
 *
 * <p>The writer and the reader exclude {@link DataSourceAutoConfiguration}, because with Redis they need no
 * database; it is imported here, which exists only with the SQL store, so with Redis they have no pool, no Flyway
 * and no {@code db} health component. The gateway keeps Boot's DataSource for its users; importing the same
 * auto-configuration again changes nothing there.
 *
 * <p>The writer and the reader migrate the dialog tables ({@link DialogSchema#LOCATION}), so neither depends on
 * start order, just as each loads the Redis Functions library with the Redis store; the gateway only reads them
 * ({@code chat.dialogs.migrate=false}, {@link ChatDialogsProperties}). They keep their own history table
 * ({@link DialogSchema#HISTORY_TABLE}) and baseline below V1 when the schema already holds the gateway's user
 * tables, so they and the gateway's user migrations never clash, whichever runs first; services migrating at once
 * wait for each other on Flyway's lock, and the later ones find nothing to do. The migration is not a {@link Flyway}
 * bean: one would make Boot's Flyway auto-configuration, which migrates the gateway's users, back off.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({PostgresDialogStore.class, Flyway.class, DataSourceAutoConfiguration.class})
@ConditionalOnStore(Store.POSTGRES)
@Import(DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(ChatDialogsProperties.class)
class PostgresStoreAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PostgresStoreAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    DialogStore dialogStore(DataSource dataSource, ChatDialogsProperties dialogs, Environment environment) {
        String service = Store.service(environment);
        if (dialogs.migrate()) {
            migrate(dataSource, service);
        } else {
            log.info("{} uses the SQL dialog store and leaves the dialog tables' migrations to the writer and the "
                    + "reader (chat.dialogs.migrate=false)", service);
        }
        return new PostgresDialogStore(dataSource);
    }

    private static void migrate(DataSource dataSource, String service) {
        Flyway flyway = Flyway.configure().dataSource(dataSource)
                .locations(DialogSchema.LOCATION)
                .table(DialogSchema.HISTORY_TABLE)
                .baselineOnMigrate(DialogSchema.BASELINE_ON_MIGRATE)
                .baselineVersion(DialogSchema.BASELINE_VERSION)
                .load();
        try {
            int applied = flyway.migrate().migrationsExecuted;
            log.info("{} uses the SQL dialog store; dialog schema at version {} ({} migrations applied now)", service,
                    flyway.info().current() == null ? "none" : flyway.info().current().getVersion(), applied);
        } catch (RuntimeException e) {
            throw new IllegalStateException(service + ": cannot migrate the dialog tables (" + DialogSchema.LOCATION
                    + ", history table " + DialogSchema.HISTORY_TABLE + ") in Postgres: " + e.getMessage(), e);
        }
    }

    /** Apart, so a service without the actuator still gets its store. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AbstractHealthIndicator.class)
    static class Health {

        /** The bean name makes the component name: {@code dialogStore}, as the readiness groups list it. */
        @Bean
        @ConditionalOnMissingBean(name = "dialogStoreHealthIndicator")
        PostgresStoreHealthIndicator dialogStoreHealthIndicator(DataSource dataSource) {
            return new PostgresStoreHealthIndicator(dataSource);
        }
    }
}
