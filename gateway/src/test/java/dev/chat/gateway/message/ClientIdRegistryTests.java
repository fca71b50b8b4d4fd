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
import org.junit.jupiter.api.Test;

class ClientIdRegistryTests {

    private final ClientIdRegistry registry = new ClientIdRegistry(new MessageProperties(Duration.ofMinutes(1), 1000, 20, 40));
    private final UUID author = UUID.randomUUID();

    @Test
    void theFirstRequestFixesTheCommandForLaterOnes() {
        SendMessageCommand first = command("hello");

        var a = registry.entry(author, "c-1", () -> first);
        var b = registry.entry(author, "c-1", () -> command("hello"));

        assertThat(b).isSameAs(a);
        assertThat(b.command()).isEqualTo(first);
        assertThat(registry.entry(UUID.randomUUID(), "c-1", () -> command("hello")).command()).isNotEqualTo(first);
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
                    return registry.entry(author, "c-2", () -> command("x")).publication(c -> {
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
        var entry = registry.entry(author, "c-3", () -> command("retry me"));

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

    private SendMessageCommand command(String text) {
        return new SendMessageCommand(UUID.randomUUID(), UUID.randomUUID(), author, UUID.randomUUID(), text, 1L, "c");
    }
}
