package dev.chat.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.lettuce.core.MigrateArgs;
import io.lettuce.core.Range;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

/**
 * A real Redis Cluster for tests: embedded redis-server 7.0.15 processes on free ports, formed the way
 * {@code redis-cli --cluster create} does it but without redis-cli (ADDSLOTSRANGE, distinct config epochs,
 * MEET), then awaited until every node reports {@code cluster_state:ok} and all agree on nodes and slots.
 * Nodes keep their files ({@code nodes-<port>.conf}) in a private temp dir, deleted by {@link #close()},
 * which also stops every process (use try-with-resources or an {@code @AfterAll}). A failed start stops
 * what it had started before it throws.
 *
 * <p>Each node gets its own free cluster-bus port ({@code cluster-port}), so no node needs port + 10000.
 */
public final class TestRedisCluster implements AutoCloseable {

    public static final int SLOTS = 16384;

    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(20);

    private final ClusterProcesses processes = new ClusterProcesses();
    private final List<TestRedisNode> nodes = processes.nodes(); // the live list: grows with addPrimary/addReplica

    private TestRedisCluster() {
    }

    /** Starts {@code primaries} primaries without replicas, the 16384 slots split evenly in start order. */
    public static TestRedisCluster start(int primaries) {
        if (primaries < 1) {
            throw new IllegalArgumentException("a cluster needs at least one primary");
        }
        TestRedisCluster cluster = new TestRedisCluster();
        try {
            for (int i = 0; i < primaries; i++) {
                TestRedisNode node = cluster.processes.start();
                // distinct epochs, as redis-cli sets them: no epoch-collision round before the cluster is ok
                node.commands().clusterSetConfigEpoch(i + 1);
                node.commands().clusterAddSlotsRange(Range.create(i * SLOTS / primaries, (i + 1) * SLOTS / primaries - 1));
            }
            cluster.nodes.forEach(cluster::meet);
            cluster.awaitSettled();
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.processes.stopAll(e);
            throw e;
        }
    }

    /** {@code redis://127.0.0.1:<port>} of the first node: enough for a cluster client to find the rest. */
    public String uri() {
        return nodes.get(0).uri();
    }

    /** Every node started, primaries and replicas, in start order. */
    public List<TestRedisNode> nodes() {
        return List.copyOf(nodes);
    }

    /** A new primary without slots, known to every node: what {@code redis-cli --cluster add-node} makes. */
    public TestRedisNode addPrimary() {
        TestRedisNode node = processes.start();
        meet(node);
        awaitSettled();
        return node;
    }

    /**
     * A new replica of {@code primary}, in sync and with a replication offset above 0 (Lettuce reads only
     * from replicas whose offset is not 0; the primary's 1 s replication ping soon moves it).
     */
    public TestRedisNode addReplica(TestRedisNode primary) {
        TestRedisNode replica = processes.start();
        meet(replica);
        // a master would wait 2 s (Redis' rejoin delay) for cluster_state:ok; a replica need not
        await("node " + replica + " to know primary " + primary).atMost(SETTLE).pollInterval(POLL).ignoreExceptions()
                .until(() -> "OK".equals(replica.commands().clusterReplicate(primary.id())));
        awaitSettled();
        await("replica " + replica + " of " + primary + " in sync").atMost(SETTLE).pollInterval(POLL)
                .until(() -> replicationOffset(replica) > 0);
        return replica;
    }

    private static long replicationOffset(TestRedisNode replica) {
        String info = replica.commands().info("replication");
        if (!info.contains("master_link_status:up")) {
            return 0;
        }
        String offset = info.substring(info.indexOf("master_repl_offset:") + "master_repl_offset:".length());
        return Long.parseLong(offset.substring(0, offset.indexOf('\r')).trim());
    }

    /**
     * Moves {@code slot} with its keys to {@code target} as {@code redis-cli --cluster reshard} does
     * (SETSLOT IMPORTING / MIGRATING, MIGRATE, SETSLOT NODE on every primary), then waits until all agree.
     */
    public void moveSlot(int slot, TestRedisNode target) {
        TestRedisNode source = ownerOf(slot);
        if (source == target) {
            return;
        }
        target.commands().clusterSetSlotImporting(slot, source.id());
        source.commands().clusterSetSlotMigrating(slot, target.id());
        for (List<String> keys = source.commands().clusterGetKeysInSlot(slot, 100); !keys.isEmpty();
             keys = source.commands().clusterGetKeysInSlot(slot, 100)) {
            source.commands().migrate("127.0.0.1", target.port(), 0, 5_000, MigrateArgs.Builder.keys(keys));
        }
        target.commands().clusterSetSlotNode(slot, target.id());
        source.commands().clusterSetSlotNode(slot, target.id());
        List<String> primaries = view(target).primaryIds();
        for (TestRedisNode other : nodes) {
            if (other != source && other != target && primaries.contains(other.id())) {
                other.commands().clusterSetSlotNode(slot, target.id()); // replicas refuse SETSLOT
            }
        }
        awaitSettled();
    }

    /**
     * Waits until {@code node} owns {@code slot} and says {@code cluster_state:ok}, as do all other primaries it
     * knows as live: after a primary was killed, its replica's failover has finished.
     */
    public void awaitOwner(int slot, TestRedisNode node) {
        await("node " + node + " to own slot " + slot + " after a failover").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
                    ClusterView view = view(node);
                    if (!node.id().equals(view.ownerOf(slot)) || !node.commands().clusterInfo().contains("cluster_state:ok")) {
                        return false;
                    }
                    return nodes.stream().filter(other -> other != node && view.livePrimaryIds().contains(other.id()))
                            .allMatch(other -> node.id().equals(view(other).ownerOf(slot)));
                });
    }

    /**
     * Starts a {@link TestRedisNode#kill() killed} node again with its cluster config: it rejoins (a former primary
     * whose replica took over, as that one's replica), and returns once the cluster has settled and, if it is now a
     * replica, it is in sync.
     */
    public void restart(TestRedisNode node) {
        node.restart();
        awaitSettled();
        if (!view(node).primaryIds().contains(node.id())) {
            await("restarted replica " + node + " in sync").atMost(SETTLE).pollInterval(POLL)
                    .until(() -> replicationOffset(node) > 0);
        }
    }

    /** The replica of {@code primary} (the first, if it has several). */
    public TestRedisNode replicaOf(TestRedisNode primary) {
        ClusterView view = view(primary);
        return nodes.stream().filter(node -> view.lines().stream()
                        .anyMatch(line -> line.id().equals(node.id()) && primary.id().equals(line.primaryId())))
                .findFirst().orElseThrow(() -> new IllegalStateException("primary " + primary + " has no replica"));
    }

    /** The slot of {@code key} ({@code CLUSTER KEYSLOT}, computed by Redis). */
    public int slotOf(String key) {
        return nodes.get(0).commands().clusterKeyslot(key).intValue();
    }

    /** The primary owning {@code slot}. */
    public TestRedisNode ownerOf(int slot) {
        String id = view(nodes.get(0)).ownerOf(slot);
        return nodes.stream().filter(node -> node.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no node owns slot " + slot));
    }

    /** The primary that holds {@code key}. */
    public TestRedisNode nodeOf(String key) {
        return ownerOf(slotOf(key));
    }

    /** Stops every node and deletes their files; safe to call twice. */
    @Override
    public void close() {
        processes.stopAll(null);
    }

    /** Every earlier node meets {@code node} itself: settling then takes one handshake, not rounds of gossip. */
    private void meet(TestRedisNode node) {
        for (TestRedisNode earlier : nodes.subList(0, nodes.indexOf(node))) {
            // CLUSTER MEET ip port bus-port: Lettuce's clusterMeet has no bus-port argument
            earlier.commands().dispatch(CommandType.CLUSTER, new StatusOutput<>(StringCodec.UTF8),
                    new CommandArgs<>(StringCodec.UTF8).add("MEET").add("127.0.0.1").add(node.port()).add(node.busPort()));
        }
    }

    /** Every node ok, knowing all nodes as settled, and all with the same view of roles and slots. */
    private void awaitSettled() {
        await("Redis Cluster " + nodes + " to settle").atMost(SETTLE).pollInterval(POLL)
                .until(this::settled);
    }

    private boolean settled() {
        String agreed = null;
        for (TestRedisNode node : nodes) {
            ClusterView view = view(node);
            if (!node.commands().clusterInfo().contains("cluster_state:ok") || !view.settled(nodes.size())
                    || (agreed != null && !agreed.equals(view.agreement()))) {
                return false;
            }
            agreed = view.agreement();
        }
        return true;
    }

    private static ClusterView view(TestRedisNode node) {
        return ClusterView.parse(node.commands().clusterNodes());
    }

    /** Shown in messages as the node ports. */
    @Override
    public String toString() {
        return "TestRedisCluster" + nodes;
    }
}
