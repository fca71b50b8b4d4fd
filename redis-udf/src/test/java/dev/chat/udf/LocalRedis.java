package dev.chat.udf;

import java.util.function.Function;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/** Plain Lettuce access to a test Redis (no binding involved). */
final class LocalRedis {

    private LocalRedis() {
    }

    /** Runs {@code action} on a fresh plain connection (no binding involved). */
    static <T> T with(String uri, Function<RedisCommands<String, String>, T> action) {
        try (RedisClient client = RedisClient.create(uri);
             StatefulRedisConnection<String, String> connection = client.connect()) {
            return action.apply(connection.sync());
        }
    }

    /** {@code calls} of a command from INFO commandstats, e.g. {@code "fcall_ro"} or {@code "function|load"}. */
    static long calls(String uri, String command) {
        String stats = with(uri, redis -> redis.info("commandstats"));
        for (String line : stats.split("\r?\n")) {
            if (line.startsWith("cmdstat_" + command + ":calls=")) {
                String rest = line.substring(("cmdstat_" + command + ":calls=").length());
                return Long.parseLong(rest.substring(0, rest.indexOf(',')));
            }
        }
        return 0;
    }
}
