package dev.chat.boot.store;

import dev.chat.udf.RedisChat;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health component {@code dialogStore} with {@code chat.store=redis}, part of readiness: up when Redis answers
 * and holds the chat library in the version this service was built with; without it every store call would fail.
 * Redis unreachable throws, which reports down with the exception as the detail. Registered by
 * {@link RedisStoreAutoConfiguration}.
 */
final class RedisFunctionsHealthIndicator extends AbstractHealthIndicator {

    private final RedisChat redisChat;

    RedisFunctionsHealthIndicator(RedisChat redisChat) {
        super("dialog store (Redis Functions) health check failed");
        this.redisChat = redisChat;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("store", "redis").withDetail("library", redisChat.libraryVersion());
        if (redisChat.functionsLoaded()) {
            builder.up();
        } else {
            builder.down().withDetail("reason", "chat Functions library not loaded");
        }
    }
}
