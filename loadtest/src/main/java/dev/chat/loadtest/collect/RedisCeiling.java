package dev.chat.loadtest.collect;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.chat.common.dialog.DialogStore;
import dev.chat.udf.RedisChat;
import dev.chat.udf.RedisChatSettings;
import dev.chat.udf.RedisKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import redis.embedded.RedisServer;

/**
 * Redis Functions for the ceiling: a private redis-server 7.0.15 without persistence, with the project's
 * {@code zset-max-listpack-value 1024}, reached through the redis-udf binding (its one multiplexed Lettuce
 * connection, as the services use it). Memory: {@code MEMORY USAGE} of each dialog's {@code messages:<id>} key.
 */
final class RedisCeiling implements CeilingStore {

    /**
     * The project's setting; {@code -Dceiling.zset-max-listpack-value=64} (Redis' default) measures the skiplist
     * encoding instead, for the before/after of the setting (docs/performance.md). The JSON names the value used.
     */
    static final String LISTPACK_VALUE = System.getProperty("ceiling.zset-max-listpack-value", "1024");

    private final RedisServer server;
    private final RedisClient adminClient;
    private final StatefulRedisConnection<String, String> admin;
    private final RedisChat chat;
    private final int threads;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RedisCeiling(RedisServer server, int port, int threads) {
        this.server = server;
        this.threads = threads;
        this.adminClient = RedisClient.create("redis://127.0.0.1:" + port);
        this.admin = adminClient.connect();
        this.chat = RedisChat.connect(RedisChatSettings.standalone("redis://127.0.0.1:" + port));
        chat.loadFunctions();
    }

    static RedisCeiling start(int threads) throws IOException {
        int port = freePort();
        RedisServer server = RedisServer.builder().port(port).setting("bind 127.0.0.1").setting("save \"\"")
                .setting("appendonly no").setting("protected-mode no")
                .setting("zset-max-listpack-value " + LISTPACK_VALUE).build();
        server.start();
        try {
            return new RedisCeiling(server, port, threads);
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    @Override
    public String key() {
        return "redis";
    }

    @Override
    public String server() {
        RedisCommands<String, String> redis = admin.sync();
        return "redis-server " + info("server", "redis_version") + " (embedded-redis 0.9.1), no persistence, "
                + "zset-max-listpack-value " + redis.configGet("zset-max-listpack-value").get("zset-max-listpack-value");
    }

    @Override
    public String client() {
        return "the redis-udf binding (Lettuce), " + threads + " threads, its two connections (string-valued for writes, byte-valued for page reads)";
    }

    @Override
    public DialogStore store() {
        return chat.dialogStore();
    }

    @Override
    public Throughput.Server process() {
        return new Throughput.Server("redis", Long.parseLong(info("server", "process_id")));
    }

    /** The workload's data set (with its {@code used_memory} delta), then each of the other dialog sizes. */
    @Override
    public Map<String, Object> memory(CeilingWorkload workload) throws Exception {
        CeilingWorkload.Dialogs set = workload.memory();
        long before = Long.parseLong(info("memory", "used_memory"));
        CeilingWorkload.load(store(), set.messages(), threads);
        long delta = Long.parseLong(info("memory", "used_memory")) - before;
        int perDialog = set.messages().size() / set.ids().size();
        Map<String, Object> json = measure(set, perDialog).toJson(Map.of());
        json.put("usedMemoryDeltaBytes", delta);
        List<Map<String, Object>> bySize = new ArrayList<>();
        for (int size : workload.memorySizes()) {
            bySize.add(bySize(size == perDialog ? set : load(workload.memorySizeSet(size)), size));
        }
        json.put("byDialogSize", bySize);
        return json;
    }

    private CeilingWorkload.Dialogs load(CeilingWorkload.Dialogs set) throws Exception {
        CeilingWorkload.load(store(), set.messages(), threads);
        return set;
    }

    /** The ratio for dialogs of one size, and their ZSET encoding: above 128 members a ZSET leaves listpack. */
    private Map<String, Object> bySize(CeilingWorkload.Dialogs set, int size) {
        Map<String, Object> memory = measure(set, size).toJson(Map.of());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("messagesPerDialog", size);
        row.put("ratioToMembers", memory.get("ratioToMembers"));
        row.put("bytesPerMessage", memory.get("bytesPerMessage"));
        row.put("encoding", admin.sync().objectEncoding(RedisKeys.messages(set.ids().get(0))));
        return row;
    }

    private StoreMemory measure(CeilingWorkload.Dialogs set, int perDialog) {
        long usage = 0;
        for (var id : set.ids()) {
            // SAMPLES 0: every member, not an estimate from 5 (a skiplist's size is otherwise extrapolated)
            Long bytes = admin.sync().dispatch(CommandType.MEMORY, new IntegerOutput<>(StringCodec.UTF8),
                    new CommandArgs<>(StringCodec.UTF8).add("USAGE").addKey(RedisKeys.messages(id)).add("SAMPLES").add(0));
            usage += bytes == null ? 0 : bytes;
        }
        return new StoreMemory(set.ids().size(), perDialog, MemberBytes.sum(set.messages()), usage,
                "sum of MEMORY USAGE ... SAMPLES 0 of the messages:<id> keys; used_memory delta also given");
    }

    @Override
    public void settle() {
        // nothing to settle without persistence
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                chat.close();
                admin.close();
                adminClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            } finally {
                server.stop();
            }
        }
    }

    private String info(String section, String field) {
        Matcher m = Pattern.compile("(?m)^" + field + ":(\\S+)").matcher(admin.sync().info(section));
        if (!m.find()) {
            throw new IllegalStateException("ceiling: Redis INFO " + section + " has no " + field);
        }
        return m.group(1);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
