package dev.chat.loadtest.seed;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.chat.common.dialog.DialogStore;
import dev.chat.udf.RedisChat;
import dev.chat.udf.RedisChatSettings;
import dev.chat.udf.RedisChatSettings.ReadPreference;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;

/**
 * Dialogs and messages through the redis-udf binding itself ({@code make_dialog}, {@code write_message}),
 * so the data is exactly what the writer would have stored. Many threads share the binding's one
 * multiplexed connection, which pipelines their calls. On a Redis Cluster the binding routes each call to its
 * slot's primary, and the AOF rewrite runs on every node.
 */
final class RedisDialogLoader implements DialogLoader {

    private final String url;
    private final boolean cluster;
    private final int threads;
    private final RedisChat chat;

    RedisDialogLoader(String url, boolean cluster, int threads) {
        this.url = url;
        this.cluster = cluster;
        this.threads = threads;
        this.chat = RedisChat.connect(new RedisChatSettings(url, ReadPreference.PRIMARY, cluster));
        if (!chat.functionsLoaded()) {
            chat.loadFunctions();
        }
    }

    @Override
    public void load(SeedPlan plan, int messagesPerDialog, long beforeMillis, Progress progress) throws Exception {
        DialogStore store = chat.dialogStore();
        long firstMillis = beforeMillis - (messagesPerDialog + 1) * 1000L;
        Parallel.forEachIndex(plan.dialogCount(), threads, d -> {
            UUID owner = plan.owner(d);
            UUID friend = plan.friend(d);
            UUID dialog = store.makeDialog(owner, friend, UUID.randomUUID(), "").dialog().id();
            for (int m = 0; m < messagesPerDialog; m++) {
                store.writeMessage(Texts.message(dialog, m % 2 == 0 ? owner : friend, firstMillis, m), null);
            }
            progress.add(messagesPerDialog);
        });
    }

    /** Rewrites the append-only file now, so Redis does not fork for an automatic rewrite during the run. */
    @Override
    public void settle() throws InterruptedException {
        for (RedisURI node : cluster ? nodes() : List.of(RedisURI.create(url))) {
            rewrite(node);
        }
    }

    /** Every node of the cluster, replicas too: they keep an append-only file of their own. */
    private List<RedisURI> nodes() {
        RedisClusterClient client = RedisClusterClient.create(url);
        try (var connection = client.connect()) { // connecting reads the topology
            return client.getPartitions().stream().map(RedisClusterNode::getUri).toList();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static void rewrite(RedisURI node) throws InterruptedException {
        RedisClient client = RedisClient.create(node);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            if (!redis.info("persistence").contains("aof_enabled:1")) {
                return;
            }
            waitForRewrite(redis);
            redis.bgrewriteaof();
            Thread.sleep(200);
            waitForRewrite(redis);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static void waitForRewrite(RedisCommands<String, String> redis) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (redis.info("persistence").matches("(?s).*aof_rewrite_(in_progress|scheduled):1.*")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("seed: Redis AOF rewrite still running after 5 minutes");
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void close() {
        chat.close();
    }
}
