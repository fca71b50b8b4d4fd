package dev.chat.udf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.chat.udf.RedisChatSettings.ReadPreference;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.ReadFrom;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.StringCodec;

/**
 * Redis Cluster: calls are routed by their first key's slot (every call of the binding has all its keys in
 * one slot); functions are loaded on each primary, because a cluster does not propagate FUNCTION LOAD
 * between shards. The topology is refreshed every 2 s and on redirects and reconnects (at most once per 2 s),
 * so failovers and new primaries are picked up; {@link #refreshTopology()} (before every load) makes a load reach a primary that joined a
 * moment ago.
 */
final class ClusterNodes implements RedisNodes {

    /** How often the topology is re-read (Lettuce's default is 60 s): part of a failover's outage. */
    private static final Duration TOPOLOGY_PERIOD = Duration.ofSeconds(2);

    private final RedisClusterClient client;
    private final StatefulRedisClusterConnection<String, String> connection;
    private final StatefulRedisClusterConnection<String, byte[]> raw;
    private final String shown;

    private ClusterNodes(RedisClusterClient client, StatefulRedisClusterConnection<String, String> connection,
                         StatefulRedisClusterConnection<String, byte[]> raw, String shown) {
        this.client = client;
        this.connection = connection;
        this.raw = raw;
        this.shown = shown;
    }

    static ClusterNodes connect(RedisURI uri, ReadPreference reads, String shown) {
        RedisClusterClient client = RedisClusterClient.create(uri);
        client.setOptions(RedisNodes.resilient(ClusterClientOptions.builder())
                // follow a MOVED/ASK to a primary this client has not seen yet (one that just got slots)
                // instead of failing the call until the next topology refresh
                .validateClusterNodeMembership(false)
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        // a failover shows no redirect (the dead primary answers nothing), and the reconnect attempts
                        // that trigger a refresh come ever more rarely: a periodic look finds the new primary
                        .enablePeriodicRefresh(TOPOLOGY_PERIOD)
                        .enableAllAdaptiveRefreshTriggers()
                        .adaptiveRefreshTriggersTimeout(TOPOLOGY_PERIOD)
                        .build())
                .build());
        try {
            StatefulRedisClusterConnection<String, String> connection = client.connect(StringCodec.UTF8);
            StatefulRedisClusterConnection<String, byte[]> raw = client.connect(StandaloneNodes.RAW);
            if (reads == ReadPreference.REPLICA_PREFERRED) {
                connection.setReadFrom(ReadFrom.REPLICA_PREFERRED);
                raw.setReadFrom(ReadFrom.REPLICA_PREFERRED);
            }
            return new ClusterNodes(client, connection, raw, shown);
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    @Override
    public RedisClusterCommands<String, String> commands() {
        return connection.sync();
    }

    @Override
    public RedisClusterAsyncCommands<String, String> async() {
        return connection.async();
    }

    @Override
    public RedisClusterCommands<String, byte[]> rawCommands() {
        return raw.sync();
    }

    @Override
    public void forEachPrimary(Consumer<RedisClusterCommands<String, String>> action) {
        for (RedisClusterNode node : connection.getPartitions()) {
            if (node.is(RedisClusterNode.NodeFlag.UPSTREAM)) {
                action.accept(connection.getConnection(node.getNodeId()).sync());
            }
        }
    }

    /**
     * WAIT on each primary that holds one of the keys, all sent before any reply is awaited. The connection is the
     * one slot routing uses (by host and port; Lettuce keeps another one per node id), so it carries the writes.
     */
    @Override
    public long replicasAcknowledging(Collection<String> keys, int replicas, long timeoutMillis) {
        Partitions partitions = connection.getPartitions();
        Map<String, RedisClusterNode> primaries = new LinkedHashMap<>();
        for (String key : keys) {
            RedisClusterNode primary = partitions.getMasterBySlot(SlotHash.getSlot(key));
            if (primary == null) {
                return 0;
            }
            primaries.putIfAbsent(primary.getNodeId(), primary);
        }
        List<RedisFuture<Long>> waits = new ArrayList<>(primaries.size());
        for (RedisClusterNode primary : primaries.values()) {
            waits.add(connection.getConnection(primary.getUri().getHost(), primary.getUri().getPort()).async()
                    .waitForReplication(replicas, timeoutMillis));
        }
        long fewest = Long.MAX_VALUE;
        for (RedisFuture<Long> wait : waits) {
            // WAIT answers by its own timeout; the extra margin only bounds a node that does not answer at all
            fewest = Math.min(fewest, LettuceFutures.awaitOrCancel(wait, timeoutMillis + 10_000, TimeUnit.MILLISECONDS));
        }
        return fewest;
    }

    @Override
    public void refreshTopology() {
        client.refreshPartitions();
    }

    @Override
    public String describe() {
        return shown;
    }

    @Override
    public void close() {
        raw.close();
        connection.close();
        client.shutdown();
    }
}
