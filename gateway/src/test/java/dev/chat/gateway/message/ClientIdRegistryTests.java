package dev.chat.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.chat.common.command.SendMessageCommand;
import dev.chat.common.id.MessageIds;
import dev.chat.testsupport.TestRedis;
import dev.chat.udf.RedisChat;
import dev.chat.udf.RedisChatSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registry over the real Redis Functions store, which two registries share as two gateways would. */
class ClientIdRegistryTests {

    private static final MessageProperties PROPERTIES = new MessageProperties(Duration.ofMinutes(1), 1000, 20, 40);
    private static RedisChat chat;

    private final MessageIds ids = new MessageIds();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final ClientIdRegistry registry = new ClientIdRegistry(PROPERTIES, chat.dialogStore(), meters);
    private final UUID author = UUID.randomUUID();
    private final UUID dialog = UUID.randomUUID();
    private final UUID friend = UUID.randomUUID();

    @BeforeAll
    static void connect() {
        chat = RedisChat.connect(RedisChatSettings.standalone(TestRedis.uri()));
        chat.loadFunctions();
    }

    @AfterAll
    static void close() {
        chat.close();
    }

    @Test
    void theFirstRequestFixesTheCommandForLaterOnes() {
        SendMessageCommand first = command("c-1", "hello");

        var a = registry.entry(first);
        var b = registry.entry(command("c-1", "hello"));

        assertThat(b).isSameAs(a);
        assertThat(b.command()).isEqualTo(first);
        assertThat(registry.entry(command("c-2", "hello")).command()).isNotEqualTo(first);
    }

    @Test
    void aRetryThroughAnotherGatewayGetsTheCommandTheFirstGatewayFixed() {
        ClientIdRegistry otherGateway = new ClientIdRegistry(PROPERTIES, chat.dialogStore(), new SimpleMeterRegistry());
        SendMessageCommand first = command("moved-1", "hello");
        registry.entry(first);

        var retried = otherGateway.entry(command("moved-1", "hello"));

        assertThat(retried.command()).isEqualTo(first);
        assertThat(retried.digest()).isEqualTo(registry.entry(first).digest());
        assertThat(meters.counter("chat.gateway.client-id-claims", "outcome", "shared").count()).isEqualTo(1);
    }

    @Test
    void anotherTextUnderTheSameClientIdOnAnotherGatewayKeepsTheFirstDigestSoItConflicts() {
        ClientIdRegistry otherGateway = new ClientIdRegistry(PROPERTIES, chat.dialogStore(), new SimpleMeterRegistry());
        SendMessageCommand first = command("reused-1", "first");
        registry.entry(first);

        var retried = otherGateway.entry(command("reused-1", "second"));

        assertThat(retried.command().messageId()).isEqualTo(first.messageId());
        assertThat(retried.digest()).isEqualTo(registry.entry(first).digest())
                .isNotEqualTo(otherGateway.entry(command("reused-2", "second")).digest());
    }

    @Test
    void whenTheStoreFailsTheClaimStaysLocalAndTheSendGoesOn() {
        RedisChat closed = RedisChat.connect(RedisChatSettings.standalone(TestRedis.uri()));
        closed.close();
        ClientIdRegistry cutOff = new ClientIdRegistry(PROPERTIES, closed.dialogStore(), meters);
        SendMessageCommand candidate = command("c-local", "hello");

        assertThat(cutOff.entry(candidate).command()).isEqualTo(candidate);
        assertThat(cutOff.entry(command("c-local", "hello")).command()).isEqualTo(candidate);
        assertThat(meters.counter("chat.gateway.client-id-claims", "outcome", "local").count()).isEqualTo(1);
    }

    @Test
    void concurrentRequestsShareOnePublication() throws Exception {
        AtomicInteger publications = new AtomicInteger();
        CompletableFuture<Object> inFlight = new CompletableFuture<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CompletableFuture<?>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return registry.entry(command("c-2", "x")).publication(c -> {
                        publications.incrementAndGet();
                        return inFlight;
                    });
                }));
            }
            start.countDown();
            for (Future<CompletableFuture<?>> result : results) {
                assertThat(result.get()).isSameAs(inFlight);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(publications).hasValue(1);
    }

    @Test
    void aFailedPublicationIsRepeatedWithTheSameCommand() {
        List<SendMessageCommand> published = new CopyOnWriteArrayList<>();
        var entry = registry.entry(command("c-3", "retry me"));

        entry.publication(c -> {
            published.add(c);
            return CompletableFuture.failedFuture(new IllegalStateException("Kafka down"));
        });
        entry.publication(c -> {
            published.add(c);
            return CompletableFuture.completedFuture("ok");
        });
        entry.publication(c -> {
            published.add(c);
            return CompletableFuture.completedFuture("again?");
        });

        assertThat(published).hasSize(2);
        assertThat(published.get(1)).isEqualTo(published.get(0));
    }

    private SendMessageCommand command(String clientId, String text) {
        UUID id = ids.next();
        return new SendMessageCommand(id, dialog, author, friend, text, MessageIds.millisOf(id), clientId);
    }
}
