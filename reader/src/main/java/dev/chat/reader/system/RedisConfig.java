package dev.chat.reader.system;

import dev.chat.boot.store.ConditionalOnStore;
import dev.chat.boot.store.Store;
import dev.chat.common.dialog.DialogStore;
import dev.chat.udf.RedisChat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Redis Functions store ({@code chat.store=redis}, the default): the only way this service touches Redis.
 * With the SQL store this class and its Redis connection do not exist.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnStore(Store.REDIS)
class RedisConfig {

    private static final Logger log = LoggerFactory.getLogger(RedisConfig.class);

    @Bean(destroyMethod = "close")
    RedisChat redisChat(ChatRedisProperties properties) {
        RedisChat chat = RedisChat.connect(properties.settings());
        try {
            // The reader must not depend on the writer having started first, so it loads the library too
            // (FUNCTION LOAD REPLACE of the same bundled version is harmless).
            chat.loadFunctions();
        } catch (RuntimeException e) {
            chat.close();
            throw new IllegalStateException("reader: cannot load the chat Functions library into Redis at "
                    + properties.url() + ": " + e.getMessage(), e);
        }
        log.info("reader: Redis at {} (reads: {}, cluster: {}), chat functions loaded",
                properties.url(), properties.reads(), properties.cluster());
        return chat;
    }

    @Bean
    DialogStore dialogStore(RedisChat redisChat) {
        return redisChat.dialogStore();
    }

    /** Readiness ({@code dialogStore}): without the library every read would fail. */
    @Bean
    HealthIndicator dialogStoreHealthIndicator(RedisChat redisChat) {
        return () -> {
            try {
                return redisChat.functionsLoaded()
                        ? Health.up().withDetail("store", "redis").build()
                        : Health.down().withDetail("store", "redis")
                                .withDetail("reason", "chat Functions library not loaded").build();
            } catch (RuntimeException e) { // Redis unreachable: not ready, but the probe itself must answer
                return Health.down(e).withDetail("store", "redis").build();
            }
        };
    }
}
