package dev.chat.gateway.system;

import dev.chat.boot.store.ConditionalOnStore;
import dev.chat.boot.store.Store;
import dev.chat.common.dialog.DialogStore;
import dev.chat.udf.RedisChat;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Redis Functions store ({@code chat.store=redis}, the default): one client per process, closed on
 * shutdown. With the SQL store this class and its Redis connection do not exist.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnStore(Store.REDIS)
class RedisConfig {

    /** Fails start-up (naming Redis and the URL) when Redis is unreachable or the library cannot be loaded. */
    @Bean(destroyMethod = "close")
    RedisChat redisChat(ChatRedisProperties redis) {
        RedisChat chat = RedisChat.connect(redis.settings());
        try {
            chat.loadFunctions();
        } catch (RuntimeException e) {
            chat.close();
            throw e;
        }
        return chat;
    }

    @Bean
    DialogStore dialogStore(RedisChat redisChat) {
        return redisChat.dialogStore();
    }

    /** Readiness ({@code dialogStore}): the gateway cannot resolve dialogs without the library. */
    @Bean
    HealthIndicator dialogStoreHealthIndicator(RedisChat redisChat) {
        return () -> {
            try {
                return redisChat.functionsLoaded() ? Health.up().withDetail("store", "redis").build()
                        : Health.down().withDetail("store", "redis")
                                .withDetail("reason", "chat functions library not loaded").build();
            } catch (RuntimeException e) {
                return Health.down(e).withDetail("store", "redis").build();
            }
        };
    }
}
