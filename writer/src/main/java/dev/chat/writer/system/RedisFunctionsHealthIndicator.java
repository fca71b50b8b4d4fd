package dev.chat.writer.system;

import dev.chat.udf.RedisChat;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code redisFunctions}: up when Redis answers and holds the chat
 * library in the version this writer was built with. An exception (Redis unreachable) reports down.
 */
@Component("redisFunctions")
class RedisFunctionsHealthIndicator extends AbstractHealthIndicator {

    private final RedisChat redisChat;

    RedisFunctionsHealthIndicator(RedisChat redisChat) {
        super("Redis Functions health check failed");
        this.redisChat = redisChat;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.status(redisChat.functionsLoaded() ? "UP" : "DOWN").withDetail("library", redisChat.libraryVersion());
    }
}
