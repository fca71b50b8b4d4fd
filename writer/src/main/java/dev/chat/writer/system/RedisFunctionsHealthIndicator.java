package dev.chat.writer.system;

import dev.chat.udf.RedisChat;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code /actuator/health} component {@code dialogStore} with the Redis store (see {@link RedisConfig}): up when
 * Redis answers and holds the chat library in the version this writer was built with. An exception (Redis
 * unreachable) reports down.
 */
final class RedisFunctionsHealthIndicator extends AbstractHealthIndicator {

    private final RedisChat redisChat;

    RedisFunctionsHealthIndicator(RedisChat redisChat) {
        super("Redis Functions health check failed");
        this.redisChat = redisChat;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.status(redisChat.functionsLoaded() ? "UP" : "DOWN").withDetail("store", "redis")
                .withDetail("library", redisChat.libraryVersion());
    }
}
