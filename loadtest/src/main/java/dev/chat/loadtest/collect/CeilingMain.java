package dev.chat.loadtest.collect;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.PageRequest;
import dev.chat.common.id.MessageIds;
import dev.chat.udf.RedisChat;
import dev.chat.udf.RedisChatSettings;
import redis.embedded.RedisServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raw Redis Functions ceiling of this machine, measured like redis-udf's {@code RedisChatBenchmark}
 * (JMH) but in seconds: a private redis-server 7.0.15 without persistence, the Java binding, 8 threads
 * sharing its one multiplexed connection, no HTTP, no Kafka. Measures {@code show_messages} of the newest
 * 50 (the benchmark's figure) and 100 (what the reader's OTUS list asks for) from a 1,000-message dialog,
 * and {@code write_message} rotating over 1,000 dialogs. Writes {@code ceiling.json}.
 * <p>Usage: {@code --out ceiling.json [--warmup 3] [--seconds 5] [--threads 8]}
 */
public final class CeilingMain {

    private static final String TEXT = "Hi! Are we still on for Friday? \"Café\" at 7 😀";

    private CeilingMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Map.of("warmup", "3", "seconds", "5", "threads", "8"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int warmup = Integer.parseInt(o.get("warmup"));
        int seconds = Integer.parseInt(o.get("seconds"));
        int threads = Integer.parseInt(o.get("threads"));
        int port = freePort();
        RedisServer server = RedisServer.builder().port(port).setting("bind 127.0.0.1").setting("save \"\"")
                .setting("appendonly no").setting("protected-mode no").build();
        server.start();
        Map<String, Object> out = new LinkedHashMap<>();
        try (RedisChat chat = RedisChat.connect(RedisChatSettings.standalone("redis://127.0.0.1:" + port))) {
            chat.loadFunctions();
            DialogStore store = chat.dialogStore();
            MessageIds ids = new MessageIds();
            UUID user = UUID.randomUUID();
            UUID read = store.makeDialog(user, UUID.randomUUID(), UUID.randomUUID(), "ceiling").dialog().id();
            for (int i = 0; i < 1000; i++) {
                UUID id = ids.next();
                store.writeMessage(new ChatMessage(id, user, read, TEXT + " #" + i, MessageIds.millisOf(id)), null);
            }
            UUID[] writeDialogs = new UUID[1000];
            for (int i = 0; i < writeDialogs.length; i++) {
                writeDialogs[i] = UUID.randomUUID();
            }
            AtomicLong writes = new AtomicLong();
            out.put("showMessages50", opsPerSecond(threads, warmup, seconds, () -> store.showMessages(read, PageRequest.newest(50))));
            out.put("showMessages100", opsPerSecond(threads, warmup, seconds, () -> store.showMessages(read, PageRequest.newest(100))));
            out.put("writeMessage", opsPerSecond(threads, warmup, seconds, () -> {
                UUID id = ids.next();
                UUID dialog = writeDialogs[(int) (writes.getAndIncrement() % writeDialogs.length)];
                store.writeMessage(new ChatMessage(id, user, dialog, TEXT, MessageIds.millisOf(id)), null);
            }));
        } finally {
            server.stop();
        }
        out.put("threads", threads);
        out.put("seconds", seconds);
        out.put("redis", "redis-server 7.0.15 (embedded-redis 0.9.1), no persistence, one Lettuce connection");
        Path file = Path.of(o.getOrDefault("out", "ceiling.json"));
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), out);
        System.err.printf(Locale.ROOT, "ceiling: show_messages(50) %,.0f/s, show_messages(100) %,.0f/s, write_message %,.0f/s%n",
                out.get("showMessages50"), out.get("showMessages100"), out.get("writeMessage"));
    }

    /** Calls per second over {@code seconds} from {@code threads} threads, after {@code warmup} seconds. */
    private static double opsPerSecond(int threads, int warmup, int seconds, Runnable call) throws InterruptedException {
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong calls = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                while (running.get()) {
                    call.run();
                    if (counting.get()) {
                        calls.incrementAndGet();
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(warmup * 1000L);
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        counting.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        return calls.get() / elapsed;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
