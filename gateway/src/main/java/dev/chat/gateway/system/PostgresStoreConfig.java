package dev.chat.gateway.system;

import javax.sql.DataSource;

import dev.chat.boot.store.ConditionalOnStore;
import dev.chat.boot.store.Store;
import dev.chat.common.dialog.DialogStore;
import dev.chat.sqlstore.PostgresDialogStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SQL baseline ({@code chat.store=postgres}): the gateway's dialog lookups read {@link PostgresDialogStore}
 * over the same DataSource as its users. The gateway only reads dialogs and does not migrate their tables (the
 * writer and the reader do): until they exist a lookup answers 503 and readiness is down (chat-boot's
 * {@code dialogStore} health component, {@code dev.chat.boot.store}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnStore(Store.POSTGRES)
class PostgresStoreConfig {

    @Bean
    DialogStore dialogStore(DataSource dataSource) {
        return new PostgresDialogStore(dataSource);
    }
}
