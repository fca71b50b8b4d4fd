package dev.chat.loadtest.collect;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.chat.udf.RedisKeys;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.ValueListOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandKeyword;
import io.lettuce.core.protocol.CommandType;

/**
 * The Redis store: a message's member sits in {@code messages:<dialog_id>} at score = its ts, and every member
 * starts with {@code {"id":"<uuid>",} (redis-udf's chat.lua), so the copies of a message are the members of
 * {@code ZRANGE key ts ts BYSCORE} whose bytes 8..43 are its id. One pipeline per batch: a few hundred thousand
 * lookups take seconds. Values stay bytes: only the id's 36 bytes are compared, no member is decoded. On a Redis
 * Cluster each lookup goes to the primary of its key's slot (Lettuce routes a dispatched command by its key).
 */
final class RedisLookup implements StoreLookup {

    private static final int ID_FROM = 7; // 0-based: {"id":" is 7 bytes
    private static final int ID_LENGTH = 36;
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final AbstractRedisClient client;
    private final StatefulConnection<String, byte[]> connection;
    private final RedisClusterAsyncCommands<String, byte[]> redis;

    RedisLookup(String redisUrl, boolean cluster) {
        if (cluster) {
            RedisClusterClient clusterClient = RedisClusterClient.create(redisUrl);
            StatefulRedisClusterConnection<String, byte[]> c = clusterClient.connect(CODEC);
            this.client = clusterClient;
            this.connection = c;
            this.redis = c.async();
        } else {
            RedisClient standalone = RedisClient.create(redisUrl);
            StatefulRedisConnection<String, byte[]> c = standalone.connect(CODEC);
            this.client = standalone;
            this.connection = c;
            this.redis = c.async();
        }
        connection.setAutoFlushCommands(false);
    }

    @Override
    public int[] copies(List<AcceptedMessage> batch) throws Exception {
        List<RedisFuture<List<byte[]>>> replies = new ArrayList<>(batch.size());
        for (AcceptedMessage m : batch) {
            CommandArgs<String, byte[]> args = new CommandArgs<>(CODEC).addKey(RedisKeys.messages(m.dialogId()))
                    .add(m.ts()).add(m.ts()).add(CommandKeyword.BYSCORE);
            replies.add(redis.dispatch(CommandType.ZRANGE, new ValueListOutput<>(CODEC), args));
        }
        connection.flushCommands();
        int[] copies = new int[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            byte[] id = batch.get(i).id().toString().getBytes(StandardCharsets.US_ASCII);
            for (byte[] member : replies.get(i).get(30, TimeUnit.SECONDS)) {
                if (hasId(member, id)) {
                    copies[i]++;
                }
            }
        }
        return copies;
    }

    static boolean hasId(byte[] member, byte[] id) {
        return member.length >= ID_FROM + ID_LENGTH
                && java.util.Arrays.equals(member, ID_FROM, ID_FROM + ID_LENGTH, id, 0, ID_LENGTH);
    }

    @Override
    public String method() {
        return "ZRANGE messages:<dialog_id> <ts> <ts> BYSCORE, members whose bytes 8..43 are the id; pipelined, "
                + BATCH + " a batch";
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
