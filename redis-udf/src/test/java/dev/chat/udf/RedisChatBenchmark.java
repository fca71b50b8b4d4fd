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
import dev.chat.common.dialog.InboxPage;
import dev.chat.common.dialog.MessagePage;
import dev.chat.common.dialog.MessageWrite;
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
    private static final int INBOX_DIALOGS = 50;

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
    /** The friend of each write dialog, whose inbox a kept write updates (unread grows, until the next iteration). */
    private final UUID[] inboxWriteFriends = new UUID[WRITE_DIALOGS];
    private final UUID[] inboxWriteDialogs = new UUID[WRITE_DIALOGS];
    /** A user with {@value #INBOX_DIALOGS} dialogs, each with messages both ways, some unread: the dialog list. */
    private UUID inboxReader;

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
        for (int i = 0; i < WRITE_DIALOGS; i++) {
            inboxWriteFriends[i] = UUID.randomUUID();
            inboxWriteDialogs[i] = UUID.randomUUID();
        }
        inboxReader = fillInbox(base);
        plain.configResetstat(); // the set-up calls are not part of the measurement
    }

    /** {@value #INBOX_DIALOGS} dialogs, each with ten messages, the last three of them the friend's and unread. */
    private UUID fillInbox(long base) {
        UUID reader = UUID.randomUUID();
        for (int d = 0; d < INBOX_DIALOGS; d++) {
            UUID friendOfReader = UUID.randomUUID();
            UUID dialog = store.makeDialog(reader, friendOfReader, UUID.randomUUID(), "bench " + d).dialog().id();
            List<MessageWrite> writes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                UUID author = i < 7 ? reader : friendOfReader;
                writes.add(new MessageWrite(new ChatMessage(ids.next(), author, dialog, TEXT + " #" + i, base + d * 10 + i),
                        null, author.equals(reader) ? friendOfReader : reader, "bench " + d));
            }
            store.writeMessages(writes);
        }
        return reader;
    }

    /** Keeps the write ZSETs and the inboxes the kept writes grow (and Redis memory) bounded over the run. */
    @Setup(Level.Iteration)
    public void emptyWriteDialogs() {
        List<String> keys = new ArrayList<>(6 * WRITE_DIALOGS + 3);
        for (int i = 0; i < WRITE_DIALOGS; i++) {
            keys.add(RedisKeys.messages(udfWriteDialogs[i]));
            keys.add(RedisKeys.messages(plainWriteDialogs[i]));
            keys.add(RedisKeys.messages(inboxWriteDialogs[i]));
            keys.add(RedisKeys.inbox(inboxWriteFriends[i]));
            keys.add(RedisKeys.inboxDialogs(inboxWriteFriends[i]));
            keys.add(RedisKeys.inboxUnread(inboxWriteFriends[i]));
        }
        keys.addAll(List.of(RedisKeys.inbox(user), RedisKeys.inboxDialogs(user), RedisKeys.inboxUnread(user)));
        plain.del(keys.toArray(String[]::new));
    }

    /** Redis' own time per call, free of client-side noise: the server-side UDF overhead. */
    @TearDown(Level.Trial)
    public void stop() {
        for (String line : plain.info("commandstats").split("\r?\n")) {
            if (line.matches("cmdstat_(fcall|fcall_ro|zadd|zrange|get):.*")) { // FCALL's usec/call mixes all write functions
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

    /** Today's writer path (one write through {@code writeMessages}), the baseline of the next one. */
    @Benchmark
    public WriteOutcome udfWriteMessagesNoInbox() {
        UUID dialog = udfWriteDialogs[(int) (writes.getAndIncrement() % WRITE_DIALOGS)];
        ChatMessage m = new ChatMessage(ids.next(), user, dialog, TEXT, System.currentTimeMillis());
        return store.writeMessages(List.of(new MessageWrite(m, null))).get(0);
    }

    /** The same write keeping the author's and the recipient's inbox (one write_inbox_message); target ≤ 1.5x the above. */
    @Benchmark
    public WriteOutcome udfWriteMessageKeepingInbox() {
        int i = (int) (writes.getAndIncrement() % WRITE_DIALOGS);
        ChatMessage m = new ChatMessage(ids.next(), user, inboxWriteDialogs[i], TEXT, System.currentTimeMillis());
        return store.writeMessages(List.of(new MessageWrite(m, null, inboxWriteFriends[i], "bench"))).get(0);
    }

    /** The dialog list: the newest 50 dialogs with last message, markers and unread counts, one FCALL_RO. */
    @Benchmark
    public InboxPage udfShowInbox50() {
        return store.showInbox(inboxReader, null, INBOX_DIALOGS);
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
