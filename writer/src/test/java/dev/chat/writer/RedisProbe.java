package dev.chat.writer;

import java.util.List;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.StatefulRedisConnection;

/** Plain Lettuce, no binding: checks the data layout of the brief as stored. */
public final class RedisProbe implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    public RedisProbe(String uri) {
        client = RedisClient.create(uri);
        connection = client.connect();
    }

    /** ZRANGE messages:<dialog_id> 0 -1 WITHSCORES. */
    public List<ScoredValue<String>> messages(UUID dialogId) {
        return connection.sync().zrangeWithScores("messages:" + dialogId, 0, -1);
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
