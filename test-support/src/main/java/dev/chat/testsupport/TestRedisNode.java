package dev.chat.testsupport;

import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;

/**
 * One embedded redis-server of a {@link TestRedisCluster}, with a plain (not cluster-aware) connection to
 * it for checks on that node alone: {@code FUNCTION LIST}, {@code EXISTS}, {@code INFO commandstats}, …
 */
public final class TestRedisNode {

    private final TestRedis.Server server;
    private final int busPort;
    private final StatefulRedisConnection<String, String> connection;
    private final String id;

    private TestRedisNode(TestRedis.Server server, int busPort, StatefulRedisConnection<String, String> connection) {
        this.server = server;
        this.busPort = busPort;
        this.connection = connection;
        this.id = connection.sync().clusterMyId();
    }

    static TestRedisNode start(RedisClient client, int port, int busPort, String... settings) {
        TestRedis.Server server = TestRedis.start(port, settings);
        try {
            RedisURI uri = RedisURI.builder().withHost("127.0.0.1").withPort(port)
                    .withTimeout(Duration.ofSeconds(10)).build();
            return new TestRedisNode(server, busPort, client.connect(StringCodec.UTF8, uri));
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    /** The node id ({@code CLUSTER MYID}). */
    public String id() {
        return id;
    }

    public int port() {
        return server.port();
    }

    int busPort() {
        return busPort;
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String uri() {
        return server.uri();
    }

    /** Commands to this node only (keys of other nodes' slots answer MOVED). */
    public RedisCommands<String, String> commands() {
        return connection.sync();
    }

    void stop() {
        try {
            connection.close();
        } finally {
            server.stop();
        }
    }

    @Override
    public String toString() {
        return Integer.toString(server.port());
    }
}
