package dev.chat.loadtest.seed;

import java.time.Duration;
import java.util.UUID;

import dev.chat.common.dialog.DialogStore;
import dev.chat.udf.RedisChat;
import dev.chat.udf.RedisChatSettings;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Dialogs and messages through the redis-udf binding itself ({@code make_dialog}, {@code write_message}),
 * so the data is exactly what the writer would have stored. Many threads share the binding's one
 * multiplexed connection, which pipelines their calls.
 */
final class RedisDialogLoader implements DialogLoader {

    private final String url;
    private final int threads;
    private final RedisChat chat;

    RedisDialogLoader(String url, int threads) {
        this.url = url;
        this.threads = threads;
        this.chat = RedisChat.connect(RedisChatSettings.standalone(url));
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
        RedisClient client = RedisClient.create(url);
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
