package dev.chat.udf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.MessagePage;
import dev.chat.common.dialog.PageRequest;
import dev.chat.common.dialog.WriteOutcome;
import dev.chat.common.id.MessageIds;
import dev.chat.testsupport.FreePorts;
import dev.chat.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.ValueListOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat functions through the Java binding next to the plain commands they wrap (ZADD, ZRANGE … BYSCORE
 * REV LIMIT, GET through Lettuce, JSON built and parsed the same way), against one embedded Redis, so the
 * UDF overhead reads as a ratio. 8 threads share each multiplexed connection, which keeps Redis busy
 * rather than measuring one round trip. Not a test (no *Tests name); run it as redis-udf/README.md says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
public class RedisChatBenchmark {

    private static final String TEXT = "Hi! Are we still on for Friday? \"Café\" at 7 😀";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int WRITE_DIALOGS = 1000;

    private final MessageIds ids = new MessageIds();
    private TestRedis.Server server;
    private RedisChat chat;
    private DialogStore store;
    private RedisClient plainClient;
    private StatefulRedisConnection<String, String> plainConnection;
    private RedisCommands<String, String> plain;
    private UUID user;
    private UUID friend;
    private UUID readDialog;
    /** Writes rotate over many dialogs, as real traffic does, so same-millisecond runs stay short. */
    private final UUID[] udfWriteDialogs = new UUID[WRITE_DIALOGS];
    private final UUID[] plainWriteDialogs = new UUID[WRITE_DIALOGS];
    private final AtomicLong writes = new AtomicLong();

    @Setup(Level.Trial)
    public void start() {
        server = TestRedis.start(FreePorts.find());
        chat = RedisChat.connect(RedisChatSettings.standalone(server.uri()));
        chat.loadFunctions();
        store = chat.dialogStore();
        plainClient = RedisClient.create(server.uri());
        plainConnection = plainClient.connect(StringCodec.UTF8);
        plain = plainConnection.sync();
        user = UUID.randomUUID();
        friend = UUID.randomUUID();
        readDialog = store.makeDialog(user, friend, UUID.randomUUID(), "bench").dialog().id();
        for (int i = 0; i < WRITE_DIALOGS; i++) {
            udfWriteDialogs[i] = UUID.randomUUID();
            plainWriteDialogs[i] = UUID.randomUUID();
        }
        long base = System.currentTimeMillis() - 1_000_000;
        for (int i = 0; i < 1000; i++) {
            store.writeMessage(new ChatMessage(ids.next(), user, readDialog, TEXT + " #" + i, base + i), null);
        }
        plain.configResetstat(); // the set-up calls are not part of the measurement
    }

    /** Keeps the write ZSETs (and Redis memory) bounded over the run. */
    @Setup(Level.Iteration)
    public void emptyWriteDialogs() {
        String[] keys = new String[2 * WRITE_DIALOGS];
        for (int i = 0; i < WRITE_DIALOGS; i++) {
            keys[2 * i] = RedisKeys.messages(udfWriteDialogs[i]);
            keys[2 * i + 1] = RedisKeys.messages(plainWriteDialogs[i]);
        }
        plain.del(keys);
    }

    /** Redis' own time per call, free of client-side noise: the server-side UDF overhead. */
    @TearDown(Level.Trial)
    public void stop() {
        for (String line : plain.info("commandstats").split("\r?\n")) {
            if (line.matches("cmdstat_(fcall|fcall_ro|zadd|zrange|get):.*")) {
                System.out.println("\nredis " + line.replaceAll(",rejected_calls.*", ""));
            }
        }
        plainConnection.close();
        plainClient.shutdown();
        chat.close();
        server.stop();
    }

    @Benchmark
    public WriteOutcome udfWriteMessage() {
        UUID dialog = udfWriteDialogs[(int) (writes.getAndIncrement() % WRITE_DIALOGS)];
        return store.writeMessage(new ChatMessage(ids.next(), user, dialog, TEXT, System.currentTimeMillis()), null);
    }

    @Benchmark
    public Long plainZadd() {
        UUID dialog = plainWriteDialogs[(int) (writes.getAndIncrement() % WRITE_DIALOGS)];
        ChatMessage m = new ChatMessage(ids.next(), user, dialog, TEXT, System.currentTimeMillis());
        String member = "{\"id\":\"" + m.id() + "\",\"author_id\":\"" + m.authorId() + "\",\"chat_id\":\"" + m.chatId()
                + "\",\"message\":" + JSON.writeValueAsString(m.message()) + ",\"ts\":" + m.ts() + "}";
        return plain.zadd(RedisKeys.messages(dialog), m.ts(), member);
    }

    @Benchmark
    public MessagePage udfShowMessages50() {
        return store.showMessages(readDialog, PageRequest.newest(50));
    }

    @Benchmark
    public MessagePage plainZrangeRev50() {
        List<String> members = plain.dispatch(CommandType.ZRANGE, new ValueListOutput<>(StringCodec.UTF8),
                new CommandArgs<>(StringCodec.UTF8).addKey(RedisKeys.messages(readDialog)).add("+inf").add("-inf")
                        .add("BYSCORE").add("REV").add("LIMIT").add(0).add(51));
        List<ChatMessage> messages = new ArrayList<>(50);
        for (int i = 0; i < Math.min(50, members.size()); i++) {
            messages.add(Replies.message(members.get(i)));
        }
        return new MessagePage(messages, members.size() > 50);
    }

    @Benchmark
    public Optional<Dialog> udfGetDialog() {
        return store.findDialog(user, friend);
    }

    @Benchmark
    public Optional<Dialog> plainGet() {
        return Optional.ofNullable(plain.get(RedisKeys.dialog(user, friend))).map(Replies::dialog);
    }
}
