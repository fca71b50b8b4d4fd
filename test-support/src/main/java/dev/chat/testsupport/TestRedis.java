package dev.chat.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.RedisServerBuilder;

/**
 * A real Redis 7 (with Functions) for tests: the embedded redis-server 7.0.15 binary on a free port,
 * one per test JVM, or the external server named by {@code CHAT_TEST_REDIS_URL} (e.g. a Testcontainers
 * or CI service). Tests must leave no assumption about other tests' data: use fresh random ids.
 */
public final class TestRedis {

    /** Environment variable naming an external Redis to use instead of the embedded one. */
    public static final String ENV = "CHAT_TEST_REDIS_URL";

    private static final Logger log = LoggerFactory.getLogger(TestRedis.class);
    private static String shared;

    private TestRedis() {
    }

    /** {@code redis://host:port} of the shared test server, started on first use. */
    public static synchronized String uri() {
        if (shared == null) {
            String external = System.getenv(ENV);
            if (external != null && !external.isBlank()) {
                shared = external;
            } else {
                Server server = start(FreePorts.find());
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-redis-stop"));
                shared = server.uri();
            }
            log.info("tests use Redis at {}", shared);
        }
        return shared;
    }

    /**
     * Starts a private embedded server without persistence (for tests that stop or restart Redis).
     * Extra lines are redis.conf settings, e.g. {@code "cluster-enabled yes"}. Every server gets the
     * project's {@code zset-max-listpack-value 1024} (docs/stores.md, "Redis settings"), so tests see
     * dialogs in the listpack encoding they have in production; an external server named by
     * {@code CHAT_TEST_REDIS_URL} needs the same line.
     */
    public static Server start(int port, String... settings) {
        List<String> all = new ArrayList<>(List.of("bind 127.0.0.1", "save \"\"", "appendonly no",
                "protected-mode no", "zset-max-listpack-value 1024"));
        all.addAll(List.of(settings));
        RedisServerBuilder builder = RedisServer.builder().port(port);
        all.forEach(builder::setting);
        RedisServer server = builder.build();
        server.start();
        return new Server(server, port);
    }

    /** A running embedded server. */
    public static final class Server {
        private final RedisServer server;
        private final int port;

        Server(RedisServer server, int port) {
            this.server = server;
            this.port = port;
        }

        public int port() {
            return port;
        }

        public String uri() {
            return "redis://127.0.0.1:" + port;
        }

        public void stop() {
            server.stop();
        }
    }
}
