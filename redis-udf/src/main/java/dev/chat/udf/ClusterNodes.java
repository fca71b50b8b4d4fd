package dev.chat.udf;

import java.time.Duration;
import java.util.function.Consumer;

import dev.chat.udf.RedisChatSettings.ReadPreference;
import io.lettuce.core.ReadFrom;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.StringCodec;

/**
 * Redis Cluster: calls are routed by their first key's slot (every call of the binding has all its keys in
 * one slot); functions are loaded on each primary, because a cluster does not propagate FUNCTION LOAD
 * between shards. The topology is refreshed periodically and on redirects, so failovers and new primaries
 * are picked up; {@link #refreshTopology()} (before every load) makes a load reach a primary that joined a
 * moment ago.
 */
final class ClusterNodes implements RedisNodes {

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
        client.setOptions(ClusterClientOptions.builder()
                // follow a MOVED/ASK to a primary this client has not seen yet (one that just got slots)
                // instead of failing the call until the next topology refresh
                .validateClusterNodeMembership(false)
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enablePeriodicRefresh(Duration.ofSeconds(30))
                        .enableAllAdaptiveRefreshTriggers()
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
