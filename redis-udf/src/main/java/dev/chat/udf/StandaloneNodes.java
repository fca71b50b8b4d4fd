package dev.chat.udf;

import java.util.function.Consumer;

import dev.chat.udf.RedisChatSettings.ReadPreference;
import io.lettuce.core.ReadFrom;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.masterreplica.MasterReplica;
import io.lettuce.core.masterreplica.StatefulRedisMasterReplicaConnection;

/**
 * One Redis primary, or a primary with replicas: for {@link ReadPreference#REPLICA_PREFERRED} a Lettuce
 * master/replica connection discovers the replicas from the primary's INFO and sends read-only commands
 * (FCALL_RO among them) to a replica when one is up; everything else goes to the primary.
 */
final class StandaloneNodes implements RedisNodes {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final String shown;

    private StandaloneNodes(RedisClient client, StatefulRedisConnection<String, String> connection, String shown) {
        this.client = client;
        this.connection = connection;
        this.shown = shown;
    }

    static StandaloneNodes connect(RedisURI uri, ReadPreference reads, String shown) {
        RedisClient client = RedisClient.create();
        try {
            StatefulRedisConnection<String, String> connection = reads == ReadPreference.REPLICA_PREFERRED
                    ? masterReplica(client, uri)
                    : client.connect(StringCodec.UTF8, uri);
            return new StandaloneNodes(client, connection, shown);
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    private static StatefulRedisConnection<String, String> masterReplica(RedisClient client, RedisURI uri) {
        StatefulRedisMasterReplicaConnection<String, String> connection =
                MasterReplica.connect(client, StringCodec.UTF8, uri);
        connection.setReadFrom(ReadFrom.REPLICA_PREFERRED);
        return connection;
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
    public void forEachPrimary(Consumer<RedisClusterCommands<String, String>> action) {
        // on a master/replica connection only read-only commands may go to a replica; these do not
        action.accept(connection.sync());
    }

    @Override
    public String describe() {
        return shown;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
