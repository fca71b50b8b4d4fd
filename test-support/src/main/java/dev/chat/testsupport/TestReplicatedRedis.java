package dev.chat.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * An embedded primary with one replica (private servers, no persistence), returned in sync, for tests of
 * replication. {@link #pauseReplica()} stops the replica with SIGSTOP (connected, answering nothing, as a hung host);
 * {@link #close()} resumes it before stopping both, since a stopped process would not act on SIGTERM.
 */
public final class TestReplicatedRedis implements AutoCloseable {

    private static final Duration SYNC = Duration.ofSeconds(30);

    private final TestRedis.Server primary;
    private final TestRedis.Server replica;
    private final long replicaPid;
    private boolean paused;

    private TestReplicatedRedis(TestRedis.Server primary, TestRedis.Server replica, long replicaPid) {
        this.primary = primary;
        this.replica = replica;
        this.replicaPid = replicaPid;
    }

    /** Starts both and returns once the replica's link is up and the primary sees it online. */
    public static TestReplicatedRedis start() {
        // the replica syncs at once, not after the default 5 s of waiting for more replicas
        TestRedis.Server primary = TestRedis.start(FreePorts.find(), "repl-diskless-sync-delay 0");
        TestRedis.Server replica = null;
        try (RedisClient client = RedisClient.create()) {
            replica = TestRedis.start(FreePorts.find(), "replicaof 127.0.0.1 " + primary.port());
            try (StatefulRedisConnection<String, String> toPrimary = client.connect(RedisURI.create(primary.uri()));
                 StatefulRedisConnection<String, String> toReplica = client.connect(RedisURI.create(replica.uri()))) {
                // online on the primary's side too: WAIT counts only a replica past its initial sync
                await("replica " + replica.uri() + " in sync").atMost(SYNC).until(() ->
                        toReplica.sync().info("replication").contains("master_link_status:up")
                                && toPrimary.sync().info("replication").contains("state=online"));
                return new TestReplicatedRedis(primary, replica, Signals.redisPid(toReplica.sync()));
            }
        } catch (RuntimeException e) {
            if (replica != null) {
                replica.stop();
            }
            primary.stop();
            throw e;
        }
    }

    public TestRedis.Server primary() {
        return primary;
    }

    public TestRedis.Server replica() {
        return replica;
    }

    /** SIGSTOP to the replica. */
    public void pauseReplica() {
        Signals.send(replicaPid, "STOP");
        paused = true;
    }

    /** SIGCONT to the replica. */
    public void resumeReplica() {
        Signals.send(replicaPid, "CONT");
        paused = false;
    }

    @Override
    public void close() {
        try {
            if (paused) {
                resumeReplica();
            }
            replica.stop();
        } finally {
            primary.stop();
        }
    }
}
