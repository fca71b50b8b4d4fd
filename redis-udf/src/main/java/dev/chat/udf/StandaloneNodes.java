package dev.chat.udf;

import java.util.Collection;
import java.util.function.Consumer;

import dev.chat.udf.RedisChatSettings.ReadPreference;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.ReadFrom;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.masterreplica.MasterReplica;
import io.lettuce.core.masterreplica.StatefulRedisMasterReplicaConnection;

/**
 * One Redis primary, or a primary with replicas: for {@link ReadPreference#REPLICA_PREFERRED} a Lettuce
 * master/replica connection discovers the replicas from the primary's INFO and sends read-only commands
 * (FCALL_RO among them) to a replica when one is up; everything else goes to the primary.
 */
final class StandaloneNodes implements RedisNodes {

    static final RedisCodec<String, byte[]> RAW = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final StatefulRedisConnection<String, byte[]> raw;
    private final String shown;

    private StandaloneNodes(RedisClient client, StatefulRedisConnection<String, String> connection,
                            StatefulRedisConnection<String, byte[]> raw, String shown) {
        this.client = client;
        this.connection = connection;
        this.raw = raw;
        this.shown = shown;
    }

    static StandaloneNodes connect(RedisURI uri, ReadPreference reads, String shown) {
        RedisClient client = RedisClient.create();
        client.setOptions(RedisNodes.resilient(ClientOptions.builder()).build());
        try {
            StatefulRedisConnection<String, String> connection = connect(client, StringCodec.UTF8, uri, reads);
            StatefulRedisConnection<String, byte[]> raw = connect(client, RAW, uri, reads);
            return new StandaloneNodes(client, connection, raw, shown);
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    private static <V> StatefulRedisConnection<String, V> connect(RedisClient client, RedisCodec<String, V> codec,
                                                                  RedisURI uri, ReadPreference reads) {
        if (reads != ReadPreference.REPLICA_PREFERRED) {
            return client.connect(codec, uri);
        }
        StatefulRedisMasterReplicaConnection<String, V> connection = MasterReplica.connect(client, codec, uri);
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
    public RedisClusterCommands<String, byte[]> rawCommands() {
        return raw.sync();
    }

    @Override
    public void forEachPrimary(Consumer<RedisClusterCommands<String, String>> action) {
        // on a master/replica connection only read-only commands may go to a replica; these do not
        action.accept(connection.sync());
    }

    /** Every key lives on the one primary; a master/replica connection sends WAIT there, as it is no read. */
    @Override
    public long replicasAcknowledging(Collection<String> keys, int replicas, long timeoutMillis) {
        return connection.sync().waitForReplication(replicas, timeoutMillis);
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
