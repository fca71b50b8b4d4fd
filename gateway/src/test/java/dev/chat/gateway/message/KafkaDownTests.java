package dev.chat.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.id.MessageIds;
import dev.chat.gateway.GatewayApplication;
import dev.chat.gateway.TestHttp;
import dev.chat.gateway.TestHttp.Reply;
import dev.chat.gateway.TestHttp.User;
import dev.chat.testsupport.FreePorts;
import dev.chat.testsupport.TestPostgres;
import dev.chat.testsupport.TestRedis;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway whose Kafka is unreachable (nothing listens on the bootstrap port) must refuse messages with a
 * 503 and Retry-After within its bounded timeouts, never answer "accepted" for a message Kafka never got, and
 * must say so in a few report lines, not in thousands of client lines a second.
 */
// A configuration no other test class shares: close it when this class ends, so its Kafka clients, pools and
// threads do not keep running beside the rest of the suite on a 2-core machine.
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        GatewayApplication.CONFIG_NAME,
        "spring.kafka.admin.auto-create=false",
        "spring.kafka.producer.properties.max.block.ms=1000",
        "spring.kafka.producer.properties.request.timeout.ms=1000",
        "spring.kafka.producer.properties.delivery.timeout.ms=1500",
        "chat.kafka.send-timeout=PT5S",
        "chat.kafka.reply-timeout=PT2S",
        "chat.kafka.reachability.probe-interval=200ms",
        "chat.kafka.reachability.report-interval=1s",
})
class KafkaDownTests {

    private static final String DATABASE = TestPostgres.newDatabase();
    private static final int DEAD_KAFKA_PORT = FreePorts.find();

    @LocalServerPort
    int port;

    @Autowired
    DialogStore store;

    @Autowired
    MeterRegistry meters;

    private TestHttp http;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("chat.redis.url", TestRedis::uri);
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + DEAD_KAFKA_PORT);
    }

    @BeforeEach
    void connect() {
        http = new TestHttp(port);
    }

    @Test
    void aSendIsRefusedWith503AndRetryAfterWithinTheBoundedTimeout() {
        User me = http.newUser("Stranded");
        User friend = http.newUser("Unreached");
        store.makeDialog(me.id(), friend.id(), UUID.randomUUID(), ""); // as the writer would have, before Kafka died

        double unavailableBefore = meters.counter(CommandPublisher.MESSAGES, "outcome", "unavailable").count();

        long start = System.nanoTime();
        Reply reply = http.post("/api/v1/dialogs/" + friend.id() + "/messages", me.token(),
                Map.of("text", "is anyone there?", "client_id", "down-1"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(meters.counter(CommandPublisher.MESSAGES, "outcome", "unavailable").count()).isGreaterThan(unavailableBefore);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.problemType()).isEqualTo("service-unavailable");
        assertThat(reply.header("Retry-After")).isEqualTo("1");
        assertThat(reply.detail()).contains("not accepted").contains("same client_id");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aReadMarkerIsRefusedWith503AndRetryAfterWithinTheBoundedTimeout() {
        User me = http.newUser("Reading");
        User friend = http.newUser("Unreached");
        UUID dialogId = store.makeDialog(me.id(), friend.id(), UUID.randomUUID(), "").dialog().id();
        UUID id = new MessageIds().next(); // stored as the writer would have, before Kafka died
        store.writeMessage(new ChatMessage(id, friend.id(), dialogId, "read me", MessageIds.millisOf(id)), null);
        double unavailableBefore = meters.counter("chat.gateway.reads", "outcome", "unavailable").count();

        long start = System.nanoTime();
        Reply reply = http.post("/api/v1/dialogs/" + friend.id() + "/read", me.token(), Map.of("message_id", id.toString()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.problemType()).isEqualTo("service-unavailable");
        assertThat(reply.header("Retry-After")).isEqualTo("1");
        assertThat(reply.detail()).contains("read marker was not set");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(meters.counter("chat.gateway.reads", "outcome", "unavailable").count()).isGreaterThan(unavailableBefore);
    }

    @Test
    void aRetryWithTheSameClientIdIsRefusedAgainNotAnsweredFromMemory() {
        User me = http.newUser("Retrying");
        User friend = http.newUser("Unreached");
        store.makeDialog(me.id(), friend.id(), UUID.randomUUID(), "");
        Map<String, String> body = Map.of("text", "second try", "client_id", "down-2");

        Reply first = http.post("/api/v1/dialogs/" + friend.id() + "/messages", me.token(), body);
        Reply retry = http.post("/api/v1/dialogs/" + friend.id() + "/messages", me.token(), body);

        assertThat(first.status()).isEqualTo(503);
        assertThat(retry.status()).isEqualTo(503);
    }

    @Test
    void creatingADialogIsRefusedWith503() {
        User me = http.newUser("Creator");
        User friend = http.newUser("Unreached");

        Reply v1 = http.post("/api/v1/dialogs", me.token(), Map.of("friend_id", friend.id().toString()));
        Reply otus = http.post("/dialog/" + friend.id() + "/send", me.token(), Map.of("text", "first message"));

        assertThat(v1.status()).isEqualTo(503);
        assertThat(v1.header("Retry-After")).isEqualTo("1");
        assertThat(otus.status()).isEqualTo(503);
        assertThat(store.findDialog(me.id(), friend.id())).isEmpty();
    }

    /**
     * Before the reachability report and the quieted client loggers, this context logged about 5,000 lines a second
     * ("Rebootstrapping" of the health check's admin client, 3 lines per connection attempt of every other client).
     * The bound is per second observed, so a slow machine, which only loops less, cannot break it.
     */
    @Test
    void anUnreachableKafkaIsReportedOncePerReportIntervalInsteadOfFloodingTheLog() {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        root.addAppender(lines);
        long start = System.nanoTime();
        try {
            // three reports one interval apart: the window spans two intervals of the clients retrying in the background
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> reports(lines).size() >= 3);
        } finally {
            root.detachAppender(lines);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<ILoggingEvent> reports = reports(lines);
        List<String> others = lines.list.stream().filter(line -> !reports.contains(line))
                .map(line -> line.getLoggerName() + ": " + line.getFormattedMessage()).toList();

        assertThat(others).as("lines besides the reports in %.1f s", seconds).hasSizeLessThanOrEqualTo(5 + (int) seconds);
        assertThat(reports.get(0).getFormattedMessage()).startsWith("Kafka unreachable at 127.0.0.1:" + DEAD_KAFKA_PORT)
                .contains("sends: 0 awaiting Kafka's acknowledgement").contains("consumer groups gateway-events-");
    }

    private static List<ILoggingEvent> reports(ListAppender<ILoggingEvent> lines) {
        return List.copyOf(lines.list).stream().filter(line -> line.getFormattedMessage().startsWith("Kafka unreachable")).toList();
    }
}
