package dev.chat.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.chat.boot.kafka.ChatTopics;
import dev.chat.common.command.MessageEvent;
import dev.chat.gateway.StalledSocket;
import dev.chat.gateway.TestHttp.User;
import dev.chat.gateway.TestSocket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * A client that stops reading must cost the others nothing: its session is closed with 4500 once its send buffer
 * is full, while the other sessions, of the same user and of others, keep receiving every message.
 *
 * <p>The stalled client learns the 4500 only if it reads again before Tomcat gives up delivering the close frame
 * ({@code chat.ws.send-time-limit}, 10 s). So it starts reading the moment the gateway counts the close, on a thread
 * of its own, not after the pushes to the other clients, which take longer than that on a busy 2-core machine.
 */
class SlowConsumerTests extends WebSocketTest {

    /** 1500 events of ~8 KB: far more than the socket buffers (4 MB at most here) plus the 512 KB send buffer limit. */
    private static final int CHUNKS = 30;
    private static final int CHUNK = 50;
    private static final String TEXT = "x".repeat(8000);

    @Autowired
    SessionRegistry registry;

    @Autowired
    ChatTopics kafka;

    @Autowired
    ProducerFactory<?, ?> producers;

    @Autowired
    MeterRegistry meters;

    private double slowConsumerCloses() {
        Counter counter = meters.find("chat.gateway.ws.closed").tag("reason", CloseCode.SLOW_CONSUMER.tag()).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClientThatStopsReadingIsClosedWith4500AndTheOthersKeepReceiving() throws Exception {
        User sam = http.newUser("Slow");
        User pat = http.newUser("Pat");
        StalledSocket stalled = StalledSocket.connect(port, sam.token());
        TestSocket samsOtherTab = socket(sam);
        TestSocket patSocket = socket(pat);
        Awaitility.await().until(() -> registry.sessionsOf(sam.id()).size() == 2);
        double closedBefore = slowConsumerCloses();
        CompletableFuture<Integer> closeCode = readAgainOnceClosed(stalled, closedBefore);
        var events = new KafkaTemplate<>((ProducerFactory<String, Object>) producers);
        UUID dialogId = UUID.randomUUID();

        // in chunks a healthy client reads at once: the send buffer limit is for clients that do not read, not for bursts
        for (int chunk = 0; chunk < CHUNKS; chunk++) {
            String last = null;
            for (int i = 0; i < CHUNK; i++) {
                last = UUID.randomUUID().toString();
                events.send(kafka.topics().messageEvents(), dialogId.toString(), new MessageEvent(MessageEvent.Type.WRITTEN,
                        UUID.fromString(last), dialogId, pat.id(), sam.id(), TEXT, System.currentTimeMillis(),
                        System.currentTimeMillis(), null, null));
            }
            events.flush();
            String lastOfChunk = last;
            samsOtherTab.await(f -> lastOfChunk.equals(f.path("id").asString()));
            patSocket.await(f -> lastOfChunk.equals(f.path("id").asString()));
        }

        assertThat(samsOtherTab.frames("message")).hasSize(CHUNKS * CHUNK);
        assertThat(patSocket.frames("message")).hasSize(CHUNKS * CHUNK);
        try (stalled) {
            assertThat(closeCode.get(2, TimeUnit.MINUTES)).isEqualTo(CloseCode.SLOW_CONSUMER.code());
            assertThat(stalled.textFrames()).as("the rest was dropped, not buffered").isLessThan(CHUNKS * CHUNK);
        }
        assertThat(slowConsumerCloses()).isEqualTo(closedBefore + 1);
        assertThat(samsOtherTab.isClosed()).isFalse();
        assertThat(patSocket.isClosed()).isFalse();
        Awaitility.await().until(() -> registry.sessionsOf(sam.id()).size() == 1);
    }

    /** Waits on a thread of its own until the gateway has closed one more slow consumer, then drains the stalled client. */
    private CompletableFuture<Integer> readAgainOnceClosed(StalledSocket stalled, double closedBefore) {
        return CompletableFuture.supplyAsync(() -> {
            Awaitility.await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofMinutes(2))
                    .until(() -> slowConsumerCloses() > closedBefore);
            return stalled.readUntilClose();
        }, task -> {
            Thread reader = new Thread(task, "stalled-client");
            reader.setDaemon(true);
            reader.start();
        });
    }
}
