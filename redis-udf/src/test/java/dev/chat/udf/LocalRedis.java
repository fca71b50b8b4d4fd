package dev.chat.udf;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import dev.chat.testsupport.FreePorts;
import dev.chat.testsupport.TestRedis;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/** Private embedded servers for tests that restart, flush or cluster Redis, and plain Lettuce access to them. */
final class LocalRedis {

    private LocalRedis() {
    }

    /** A one-node Redis Cluster owning all slots: it enforces the single-slot rules of a real cluster. */
    static TestRedis.Server singleNodeCluster() {
        Path dir;
        try {
            dir = Files.createTempDirectory("chat-cluster");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestRedis.Server server = TestRedis.start(FreePorts.find(), "cluster-enabled yes",
                "cluster-config-file " + dir.resolve("nodes.conf"));
        with(server.uri(), redis -> redis.clusterAddSlotsRange(Range.create(0, 16383)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> with(server.uri(), RedisCommands::clusterInfo).contains("cluster_state:ok"));
        return server;
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
