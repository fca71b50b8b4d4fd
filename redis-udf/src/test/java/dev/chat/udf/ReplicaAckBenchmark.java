package dev.chat.udf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.MessageWrite;
import dev.chat.common.dialog.WriteOutcome;
import dev.chat.common.id.MessageIds;
import dev.chat.testsupport.TestReplicatedRedis;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code chat.redis.replica-acks=1} costs the writer: a poll of 50 messages stored with one
 * {@code writeMessages} pipeline, against an embedded primary with one replica, with and without the {@code WAIT}
 * after it. 4 threads, as the writer's 4 consumers share one connection. Not a test; run it as redis-udf/README.md
 * says, with {@code -Dbench=ReplicaAckBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(4)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 5)
public class ReplicaAckBenchmark {

    private static final int BATCH = 50;
    private static final int DIALOGS = 1000;
    private static final String TEXT = "Hi! Are we still on for Friday? \"Café\" at 7 😀";

    @Param({"0", "1"})
    public int replicaAcks;

    private final MessageIds ids = new MessageIds();
    private final List<UUID> dialogs = new ArrayList<>();
    private TestReplicatedRedis redis;
    private RedisChat chat;

    @Setup(Level.Trial)
    public void start() {
        redis = TestReplicatedRedis.start();
        chat = RedisChat.connect(RedisChatSettings.standalone(redis.primary().uri())
                .withReplicaAcks(replicaAcks, Duration.ofSeconds(2)));
        chat.loadFunctions();
        for (int i = 0; i < DIALOGS; i++) {
            dialogs.add(UUID.randomUUID());
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        chat.close();
        redis.close();
    }

    /** One poll's worth of messages, each to a random dialog, stored (and confirmed when replicaAcks is 1). */
    @Benchmark
    public List<WriteOutcome> storePoll() {
        List<MessageWrite> writes = new ArrayList<>(BATCH);
        long now = System.currentTimeMillis();
        for (int i = 0; i < BATCH; i++) {
            UUID dialog = dialogs.get(ThreadLocalRandom.current().nextInt(DIALOGS));
            writes.add(new MessageWrite(new ChatMessage(ids.next(), dialog, dialog, TEXT, now), null));
        }
        return chat.dialogStore().writeMessages(writes);
    }
}
