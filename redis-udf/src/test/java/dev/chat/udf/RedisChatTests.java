package dev.chat.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.PageRequest;
import dev.chat.common.id.MessageIds;
import dev.chat.testsupport.FreePorts;
import dev.chat.testsupport.TestRedis;
import dev.chat.udf.RedisChatSettings.ReadPreference;
import io.lettuce.core.FlushMode;
import io.lettuce.core.RedisException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connecting, loading and checking the library, and surviving a Redis that lost it. Each test has its own server. */
class RedisChatTests {

    private final MessageIds ids = new MessageIds();
    private TestRedis.Server server;
    private RedisChat chat;

    @BeforeEach
    void start() {
        server = TestRedis.start(FreePorts.find());
        chat = RedisChat.connect(RedisChatSettings.standalone(server.uri()));
    }

    @AfterEach
    void stop() {
        chat.close();
        server.stop();
    }

    @Test
    void connectFailsFastNamingRedisAndTheUriWithoutItsPassword() {
        String uri = "redis://app:s3cret@127.0.0.1:" + FreePorts.find();

        assertThatThrownBy(() -> RedisChat.connect(RedisChatSettings.standalone(uri)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("redis-udf: cannot connect to Redis at redis://***@127.0.0.1:")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> RedisChat.connect(new RedisChatSettings(uri, ReadPreference.PRIMARY, true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("redis-udf: cannot connect to Redis Cluster at redis://***@127.0.0.1:");
        assertThatThrownBy(() -> RedisChat.connect(RedisChatSettings.standalone("http://nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("redis-udf: invalid Redis URI http://nope");
    }

    @Test
    void loadFunctionsLoadsTheBundledVersion() {
        assertThat(chat.functionsLoaded()).isFalse();

        chat.loadFunctions();

        assertThat(chat.functionsLoaded()).isTrue();
        assertThat(chat.libraryVersion()).isEqualTo(FunctionLibrary.bundled().version()).isNotBlank();
    }

    @Test
    void anotherVersionOfTheLibraryIsNotLoadedUntilReplaced() {
        String old = FunctionLibrary.bundled().code().replaceFirst("local VERSION = '[^']+'", "local VERSION = '0.0.1'");
        LocalRedis.with(server.uri(), redis -> redis.functionLoad(old, true));

        assertThat(chat.functionsLoaded()).isFalse();
        chat.loadFunctions();
        assertThat(chat.functionsLoaded()).isTrue();
    }

    @Test
    void reloadsTheLibraryWhenRedisLostItAndRetriesTheCall() {
        chat.loadFunctions();
        DialogStore store = chat.dialogStore();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();

        flushFunctions();
        UUID dialogId = store.makeDialog(a, b, UUID.randomUUID(), "after flush").dialog().id();
        flushFunctions();
        assertThat(store.findDialog(b, a)).isPresent();
        flushFunctions();
        ChatMessage message = new ChatMessage(ids.next(), a, dialogId, "hi", System.currentTimeMillis());
        assertThat(store.writeMessage(message, "c").stored()).isTrue();
        flushFunctions();
        assertThat(store.showMessages(dialogId, PageRequest.newest(10)).messages()).containsExactly(message);
        assertThat(chat.functionsLoaded()).isTrue();
    }

    @Test
    void manyCallsFindingTheLibraryMissingReloadItOnce() throws Exception {
        chat.loadFunctions();
        DialogStore store = chat.dialogStore();
        flushFunctions();
        long loadsBefore = LocalRedis.calls(server.uri(), "function|load");
        CountDownLatch go = new CountDownLatch(1);

        List<CompletableFuture<Boolean>> calls = IntStream.range(0, 16).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            await(go);
            return store.findDialog(UUID.randomUUID(), UUID.randomUUID()).isEmpty();
        })).toList();
        go.countDown();

        for (CompletableFuture<Boolean> call : calls) {
            assertThat(call.get()).isTrue();
        }
        assertThat(LocalRedis.calls(server.uri(), "function|load"))
                .isEqualTo(loadsBefore + 1);
    }

    @Test
    void survivesARedisRestartedWithoutPersistenceFailingCallsOnlyUntilReconnected() {
        chat.loadFunctions();
        DialogStore store = chat.dialogStore();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        store.makeDialog(a, b, UUID.randomUUID(), "before restart");

        server.stop();
        server = TestRedis.start(server.port());

        // until Lettuce has reconnected a call fails at once (REJECT_COMMANDS) instead of queueing: callers retry
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreException(RedisException.class)
                .until(() -> store.findDialog(a, b).isEmpty());
        assertThat(store.findDialog(a, b)).as("data went with the restart").isEmpty();
        assertThat(store.makeDialog(a, b, UUID.randomUUID(), "after restart").created()).isTrue();
        assertThat(chat.functionsLoaded()).isTrue();
    }

    private void flushFunctions() {
        LocalRedis.with(server.uri(), redis -> redis.functionFlush(FlushMode.SYNC));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
