package dev.chat.loadtest.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.zaxxer.hikari.HikariDataSource;
import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.MessageWrite;
import dev.chat.common.id.MessageIds;
import dev.chat.loadtest.profile.Profile;
import dev.chat.loadtest.run.AcceptedLog;
import dev.chat.loadtest.run.RunRecorder;
import dev.chat.sqlstore.DialogSchema;
import dev.chat.sqlstore.PostgresDialogStore;
import dev.chat.testsupport.TestPostgres;
import dev.chat.testsupport.TestRedis;
import dev.chat.testsupport.TestRedisCluster;
import dev.chat.udf.RedisChat;
import dev.chat.udf.RedisChatSettings;
import dev.chat.udf.RedisChatSettings.ReadPreference;
import dev.chat.udf.RedisKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery check end to end against real stores (embedded redis-server 7.0.15 with the chat library, embedded
 * PostgreSQL 17 with sql-store's schema): messages written through the stores' own bindings, more than one lookup
 * batch of them, one accepted but never written, and on Redis one stored twice.
 */
class DeliveryCheckTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int WRITTEN = StoreLookup.BATCH + 150;

    @TempDir
    Path dir;

    private final long start = System.currentTimeMillis() - 60_000; // the run's start: every ts below is in its stages
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void findsEveryMessageWrittenToRedisAndTheOneMissingAndTheOneStoredTwice() throws Exception {
        try (RedisChat chat = RedisChat.connect(RedisChatSettings.standalone(TestRedis.uri()))) {
            if (!chat.functionsLoaded()) {
                chat.loadFunctions();
            }
            List<ChatMessage> written = write(chat.dialogStore());
            ChatMessage twice = written.get(7);
            storeASecondCopy(twice);
            Map<String, Object> delivery = check("redis", written, options -> new DeliveryOptions("redis", options[0], options[1],
                    options[2], null, 0, TestRedis.uri(), false, null, null, null));
            assertThat(counts(delivery, "overall")).containsEntry("accepted", WRITTEN + 1).containsEntry("stored", WRITTEN)
                    .containsEntry("missing", 1).containsEntry("duplicated", 1);
            assertThat(counts(delivery, "stage3")).containsEntry("missing", 1); // the lost one was accepted at 25 s
            assertThat(delivery.get("duplicatedExamples").toString()).contains(twice.id().toString());
            assertThat(delivery).containsEntry("failed", true);
        }
    }

    @Test
    void findsEveryMessageWrittenToPostgresAndTheOneMissing() throws Exception {
        String url = TestPostgres.newDatabase();
        try (HikariDataSource db = new HikariDataSource()) {
            db.setJdbcUrl(url);
            Flyway.configure().dataSource(db).locations(DialogSchema.LOCATION).table(DialogSchema.HISTORY_TABLE).load().migrate();
            List<ChatMessage> written = write(new PostgresDialogStore(db));
            // as loadtest.sh calls it: options on the command line, the database from ./chat env's DATABASE_URL
            Map<String, Object> delivery = check("postgres", written, files -> DeliveryOptions.parse(new String[] {"--store", "postgres",
                "--accepted", files[0].toString(), "--results", files[1].toString(), "--out", files[2].toString()}, Map.of("DATABASE_URL", url)));
            assertThat(counts(delivery, "overall")).containsEntry("accepted", WRITTEN + 1).containsEntry("stored", WRITTEN)
                    .containsEntry("missing", 1).containsEntry("duplicated", 0);
        }
    }

    @Test
    void findsEveryMessageWrittenToARedisClusterAcrossItsPrimariesAndTheOneMissing() throws Exception {
        try (TestRedisCluster cluster = TestRedisCluster.start(3);
             RedisChat chat = RedisChat.connect(new RedisChatSettings(cluster.uri(), ReadPreference.PRIMARY, true))) {
            chat.loadFunctions();
            List<ChatMessage> written = new ArrayList<>();
            for (int d = 0; d < 8; d++) {
                written.addAll(write(chat.dialogStore(), UUID.randomUUID(), UUID.randomUUID(), WRITTEN / 8));
            }
            assertThat(written.stream().map(m -> cluster.ownerOf(cluster.slotOf(RedisKeys.messages(m.chatId())))).distinct())
                    .as("dialogs on more than one primary").hasSizeGreaterThan(1);
            // as faults-load.sh calls it, the cluster named by ./chat env's CHAT_REDIS_CLUSTER
            Map<String, Object> delivery = check("redis-cluster", written, files -> DeliveryOptions.parse(new String[] {
                "--store", "redis", "--accepted", files[0].toString(), "--results", files[1].toString(), "--out",
                files[2].toString(), "--redis-url", cluster.uri()}, Map.of("CHAT_REDIS_CLUSTER", "true")));
            assertThat(counts(delivery, "overall")).containsEntry("accepted", written.size() + 1)
                    .containsEntry("stored", written.size()).containsEntry("missing", 1).containsEntry("duplicated", 0);
        }
    }

    @Test
    void passesWhenEveryAcceptedMessageIsStoredOnce() throws Exception {
        try (RedisChat chat = RedisChat.connect(RedisChatSettings.standalone(TestRedis.uri()))) {
            if (!chat.functionsLoaded()) {
                chat.loadFunctions();
            }
            List<ChatMessage> written = write(chat.dialogStore());
            Path accepted = acceptedLog(written, false);
            DeliveryOptions o = new DeliveryOptions("redis", accepted, results(), dir.resolve("delivery.json"), null, 0,
                    TestRedis.uri(), false, null, null, null);
            assertThat(DeliveryMain.run(o)).isFalse();
        }
    }

    /** Messages into one dialog of alice and bob, through the store, a millisecond apart within the run's stage 1. */
    private List<ChatMessage> write(DialogStore store) {
        return write(store, alice, bob, WRITTEN);
    }

    private List<ChatMessage> write(DialogStore store, UUID a, UUID b, int count) {
        UUID dialog = store.makeDialog(a, b, UUID.randomUUID(), "").dialog().id();
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long ts = start + 12_000 + i;
            messages.add(new ChatMessage(new MessageIds(() -> ts).next(), i % 2 == 0 ? a : b, dialog, "hello " + i, ts));
        }
        for (int from = 0; from < messages.size(); from += 100) {
            store.writeMessages(messages.subList(from, Math.min(from + 100, messages.size())).stream()
                    .map(m -> new MessageWrite(m, null)).toList());
        }
        return messages;
    }

    /** A bug's trace: the same message id at the same ts with other bytes, i.e. a second member of the ZSET. */
    private static void storeASecondCopy(ChatMessage m) {
        RedisClient client = RedisClient.create(TestRedis.uri());
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            redis.sync().zadd(RedisKeys.messages(m.chatId()), m.ts(), "{\"id\":\"" + m.id() + "\",\"author_id\":\"" + m.authorId()
                    + "\",\"chat_id\":\"" + m.chatId() + "\",\"message\":\"written again\",\"ts\":" + m.ts() + "}");
        } finally {
            client.shutdown();
        }
    }

    private Map<String, Object> check(String store, List<ChatMessage> written, java.util.function.Function<Path[], DeliveryOptions> options)
            throws Exception {
        Path accepted = acceptedLog(written, true);
        Path out = dir.resolve(store + "-delivery.json");
        boolean failed = DeliveryMain.run(options.apply(new Path[] {accepted, results(), out}));
        assertThat(failed).isTrue();
        return JSON.readValue(out.toFile(), new TypeReference<Map<String, Object>>() { });
    }

    /** accepted.tsv: every written message, and with {@code lost} one more the store never got (accepted at 25 s). */
    private Path acceptedLog(List<ChatMessage> written, boolean lost) throws IOException {
        Path file = dir.resolve(AcceptedLog.FILE);
        try (AcceptedLog log = AcceptedLog.create(file)) {
            Consumer<ChatMessage> add = m -> log.add(m.id().toString(), m.chatId().toString(), m.ts(), "http");
            written.forEach(add);
            if (lost) {
                long ts = start + 25_000;
                add.accept(new ChatMessage(new MessageIds(() -> ts).next(), alice, written.get(0).chatId(), "lost", ts));
            }
        }
        return file;
    }

    /** results.json of a short run that started at {@code start}: only its clock matters here. */
    private Path results() throws IOException {
        RunRecorder recorder = new RunRecorder(Profile.SHORT, List.of("read", "send"));
        recorder.startIfUnset(start);
        Path file = dir.resolve("results.json");
        recorder.results().write(file);
        return file;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> counts(Map<String, Object> delivery, String window) {
        return (Map<String, Object>) ((Map<String, Object>) delivery.get("windows")).get(window);
    }
}
