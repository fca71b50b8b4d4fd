package dev.chat.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;

/**
 * One embedded redis-server of a {@link TestRedisCluster}, with a plain (not cluster-aware) connection to
 * it for checks on that node alone: {@code FUNCTION LIST}, {@code EXISTS}, {@code INFO commandstats}, …
 * Faults: {@link #kill()} (SIGKILL, as a crash), {@link #pause()}/{@link #resume()} (SIGSTOP/SIGCONT, as a hung
 * host); {@link TestRedisCluster#restart} brings a killed node back with its cluster config.
 */
public final class TestRedisNode {

    private final RedisClient client;
    private final int busPort;
    private final String[] settings;
    private final String id;
    private TestRedis.Server server;
    private StatefulRedisConnection<String, String> connection;
    private long pid;

    private TestRedisNode(RedisClient client, TestRedis.Server server, int busPort, String[] settings) {
        this.client = client;
        this.server = server;
        this.busPort = busPort;
        this.settings = settings;
        this.connection = connect(client, server.port());
        this.id = connection.sync().clusterMyId();
        this.pid = Signals.redisPid(connection.sync());
    }

    static TestRedisNode start(RedisClient client, int port, int busPort, String... settings) {
        TestRedis.Server server = TestRedis.start(port, settings);
        try {
            return new TestRedisNode(client, server, busPort, settings);
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    private static StatefulRedisConnection<String, String> connect(RedisClient client, int port) {
        RedisURI uri = RedisURI.builder().withHost("127.0.0.1").withPort(port).withTimeout(Duration.ofSeconds(10)).build();
        return client.connect(StringCodec.UTF8, uri);
    }

    /** SIGKILL, then waits until the process is gone; its files stay. */
    public void kill() {
        Signals.send(pid, "KILL");
        await("redis " + this + " (pid " + pid + ") to die").atMost(Duration.ofSeconds(20))
                .until(() -> ProcessHandle.of(pid).map(handle -> !handle.isAlive()).orElse(true));
        server.stop(); // the embedded server's own bookkeeping; the process is already gone
    }

    /** SIGSTOP: the node keeps its connections but answers nothing, like a hung host. */
    public void pause() {
        Signals.send(pid, "STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        Signals.send(pid, "CONT");
    }

    /** Starts a killed node again on its port with its settings (so its cluster config file too). */
    void restart() {
        server = TestRedis.start(server.port(), settings);
        connection.close(); // a fresh one, not one in the back-off of its reconnects to the dead process
        connection = connect(client, server.port());
        pid = Signals.redisPid(connection.sync());
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
