package dev.chat.writer.system;

import dev.chat.boot.store.ConditionalOnStore;
import dev.chat.boot.store.Store;
import dev.chat.common.dialog.DialogStore;
import dev.chat.udf.RedisChat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Redis Functions store ({@code chat.store=redis}, the default): the writer is the only process that writes
 * dialogs and messages. With the SQL store this class and its Redis connection do not exist.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnStore(Store.REDIS)
class RedisConfig {

    private static final Logger log = LoggerFactory.getLogger(RedisConfig.class);

    @Bean(destroyMethod = "close")
    RedisChat redisChat(RedisSettings settings) {
        RedisChat chat;
        try {
            chat = RedisChat.connect(settings.toChatSettings());
        } catch (RuntimeException e) {
            // the binding's message names Redis and the URI without credentials
            throw new IllegalStateException("writer: " + e.getMessage(), e);
        }
        try {
            chat.loadFunctions();
        } catch (RuntimeException e) {
            chat.close();
            throw new IllegalStateException("writer: cannot load the chat Redis Functions library: " + e.getMessage(), e);
        }
        log.info("writer uses the chat Redis Functions library {} (cluster={}, reads={})", chat.libraryVersion(),
                settings.cluster(), settings.reads());
        return chat;
    }

    @Bean
    DialogStore dialogStore(RedisChat redisChat) {
        return redisChat.dialogStore();
    }

    /** Readiness ({@code dialogStore}): Redis answers and holds the library in this writer's version. */
    @Bean
    RedisFunctionsHealthIndicator dialogStoreHealthIndicator(RedisChat redisChat) {
        return new RedisFunctionsHealthIndicator(redisChat);
    }
}
