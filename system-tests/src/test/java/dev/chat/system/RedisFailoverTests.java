package dev.chat.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.chat.testsupport.TestRedisCluster;
import dev.chat.testsupport.TestRedisNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three services on a real Redis Cluster (three primaries with a replica each, {@code chat.redis.replica-acks=1}),
 * eight dialogs sending over HTTP; a primary is killed with SIGKILL mid-stream, its replica takes over, and the
 * killed node is started again (as a supervisor would) and rejoins as the new primary's replica. Every message the
 * gateway accepted is stored once, in sending order, read back through the reader.
 *
 * <p>What this proves end to end: the writer retries the batches of the dead primary's slots through the failover
 * (and until the new primary has a replica again) without losing, duplicating or reordering any. It cannot show the
 * loss {@code replica-acks} prevents, because here replication outruns a kill; redis-udf's
 * {@code RedisClusterFailoverTests} makes the replica miss a write on purpose and shows both sides.
 */
class RedisFailoverTests {

    private static final Logger log = LoggerFactory.getLogger(RedisFailoverTests.class);
    private static final Duration WAIT = Duration.ofSeconds(120);

    private TestRedisCluster cluster;
    private RunningSystem system;

    @AfterEach
    void stop() {
        try {
            if (system != null) {
                system.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    void aRedisPrimaryKilledUnderTrafficLosesAndDuplicatesNoAcceptedMessage() {
        cluster = TestRedisCluster.start(3);
        for (TestRedisNode primary : cluster.nodes()) {
            cluster.addReplica(primary);
        }
        system = RunningSystem.onRedisCluster(cluster.uri() + "?timeout=2s", "chat.redis.replica-acks=1");

        try (Traffic traffic = Traffic.start(system, 8)) {
            // the primary of the first dialog's messages: the fault hits traffic for sure
            int slot = cluster.slotOf("messages:" + traffic.dialogIds().get(0));
            TestRedisNode primary = cluster.ownerOf(slot);
            TestRedisNode replica = cluster.replicaOf(primary);
            traffic.awaitAccepted(80, WAIT);
            long killed = System.nanoTime();
            primary.kill();
            cluster.awaitOwner(slot, replica);
            log.info("replica {} took over {} ms after the kill", replica, (System.nanoTime() - killed) / 1_000_000);
            cluster.restart(primary);
            log.info("killed node {} back as a replica {} ms after the kill", primary, (System.nanoTime() - killed) / 1_000_000);
            traffic.awaitAccepted(80, WAIT);
            traffic.close();

            traffic.assertAllStoredOnceInOrder(WAIT);
            log.info("{} sends accepted, {} refused", traffic.accepted(), traffic.refused());
            assertThat(traffic.accepted()).isGreaterThanOrEqualTo(160);
        }
    }
}
