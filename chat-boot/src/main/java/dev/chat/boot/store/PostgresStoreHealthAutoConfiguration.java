package dev.chat.boot.store;

import javax.sql.DataSource;

import dev.chat.sqlstore.DialogSchema;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code dialogStore} health component with {@code chat.store=postgres} ({@link PostgresStoreHealthIndicator}),
 * over the service's DataSource: Boot's in the gateway (hence after its auto-configuration), the one the writer's
 * and the reader's own Postgres configuration imports. With Redis the services register their own
 * ({@code system.RedisConfig}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({JdbcClient.class, DialogSchema.class, AbstractHealthIndicator.class})
@ConditionalOnStore(Store.POSTGRES)
class PostgresStoreHealthAutoConfiguration {

    /** The bean name makes the component name: {@code dialogStore}, as the services' readiness groups list it. */
    @Bean
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnMissingBean(name = "dialogStoreHealthIndicator")
    HealthIndicator dialogStoreHealthIndicator(DataSource dataSource) {
        return new PostgresStoreHealthIndicator(dataSource);
    }
}
