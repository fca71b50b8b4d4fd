package dev.chat.boot.store;

import dev.chat.common.dialog.DialogStore;
import dev.chat.udf.RedisChat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The Redis Functions store ({@code chat.store=redis}, the default) for every service: one {@link RedisChat} client
 * per process ({@code chat.redis.*}), closed on shutdown, its {@link DialogStore} and the {@code dialogStore} health
 * component. With the SQL store none of it exists, so no Redis connection either.
 *
 * <p>Every service loads the library at start ({@code FUNCTION LOAD REPLACE} of the bundled version is harmless
 * when another already did), so none depends on another having started first.
 */
@AutoConfiguration
@ConditionalOnClass(RedisChat.class)
@ConditionalOnStore(Store.REDIS)
@EnableConfigurationProperties(ChatRedisProperties.class)
class RedisStoreAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RedisStoreAutoConfiguration.class);

    /**
     * Fails start-up naming the service, Redis and the URL when Redis is unreachable or refuses the library; waits
     * (up to {@code chat.redis.loading-timeout}) while Redis answers {@code LOADING}.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    RedisChat redisChat(ChatRedisProperties redis, Environment environment) {
        String service = Store.service(environment);
        RedisChat chat;
        try {
            chat = RedisChat.connect(redis.settings());
        } catch (RuntimeException e) { // the binding's message names Redis and the URL without credentials
            throw new IllegalStateException(service + ": " + e.getMessage(), e);
        }
        try {
            LibraryLoading.load(chat, redis.loadingTimeout(), redis.url());
        } catch (RuntimeException e) {
            chat.close();
            throw new IllegalStateException(service + ": cannot load the chat Functions library into Redis at "
                    + redis.url() + ": " + e.getMessage(), e);
        }
        log.info("{}: Redis at {} (reads: {}, cluster: {}), chat Functions library {} loaded", service, redis.url(),
                redis.reads(), redis.cluster(), chat.libraryVersion());
        return chat;
    }

    @Bean
    @ConditionalOnMissingBean
    DialogStore dialogStore(RedisChat redisChat) {
        return redisChat.dialogStore();
    }

    /** Apart, so a service without the actuator still gets its store. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AbstractHealthIndicator.class)
    static class Health {

        /** The bean name makes the component name: {@code dialogStore}, as the readiness groups list it. */
        @Bean
        @ConditionalOnMissingBean(name = "dialogStoreHealthIndicator")
        RedisFunctionsHealthIndicator dialogStoreHealthIndicator(RedisChat redisChat) {
            return new RedisFunctionsHealthIndicator(redisChat);
        }
    }
}
