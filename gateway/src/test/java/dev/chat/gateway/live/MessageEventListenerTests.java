package dev.chat.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.chat.common.command.MessageEvent;
import dev.chat.common.command.MessageEventHeaders;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.gateway.TestHttp;
import dev.chat.gateway.TestHttp.User;
import dev.chat.gateway.TestSocket;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The fan-out parses only events whose headers name a user connected to this gateway; events without the headers
 * (an older writer) are parsed as before. A value that is not JSON shows which: parsed, it is logged as not pushed.
 */
class MessageEventListenerTests extends WebSocketTest {

    private static final byte[] POISON = "{not an event".getBytes(StandardCharsets.UTF_8);
    /** Where the fan-out's error handler logs an event it could not read or push. */
    private static final String ERROR_LOGGER = "dev.chat.gateway.kafka.KafkaConfig";

    @Autowired
    private SessionRegistry registry;

    @Autowired
    private ProducerFactory<?, ?> producers;

    @Value("${chat.kafka.topics.message-events}")
    private String topic;

    private DefaultKafkaProducerFactory<String, byte[]> rawProducers;
    private final Lines errors = new Lines();

    @BeforeEach
    void rawProducerAndErrorLog() {
        rawProducers = new DefaultKafkaProducerFactory<>(producers.getConfigurationProperties(), new StringSerializer(),
                new ByteArraySerializer());
        errors.start();
        ((Logger) LoggerFactory.getLogger(ERROR_LOGGER)).addAppender(errors);
    }

    @AfterEach
    void closeRawProducerAndErrorLog() {
        ((Logger) LoggerFactory.getLogger(ERROR_LOGGER)).detachAppender(errors);
        rawProducers.destroy();
    }

    @Test
    void anEventForUsersNotConnectedHereIsSkippedUnparsed() {
        User bob = http.newUser("Bob");
        TestSocket bobSocket = connected(bob);
        String dialog = UUID.randomUUID().toString();

        RecordMetadata skipped = produce(dialog, POISON, UUID.randomUUID(), UUID.randomUUID());
        UUID after = UUID.randomUUID();
        produce(dialog, written(after, UUID.randomUUID(), bob.id(), "after the poison"), UUID.randomUUID(), bob.id());

        // same key, same partition: the poison was handled before this push
        bobSocket.await(f -> after.toString().equals(f.path("id").asString()));
        assertThat(notPushed()).noneMatch(line -> line.contains(at(skipped)));
    }

    @Test
    void aPoisonEventForAUserConnectedHereIsParsedLoggedAndSkippedAsBefore() {
        User carol = http.newUser("Carol");
        TestSocket carolSocket = connected(carol);
        String dialog = UUID.randomUUID().toString();

        RecordMetadata poison = produce(dialog, POISON, UUID.randomUUID(), carol.id());
        UUID after = UUID.randomUUID();
        produce(dialog, written(after, UUID.randomUUID(), carol.id(), "after the poison"), UUID.randomUUID(), carol.id());

        carolSocket.await(f -> after.toString().equals(f.path("id").asString()));
        awaitNotPushed(poison);
    }

    @Test
    void anEventWithoutTheHeadersIsParsedAsFromAnOlderWriter() {
        RecordMetadata poison = produce(UUID.randomUUID().toString(), POISON, null, null);

        awaitNotPushed(poison);
    }

    @Test
    void anEventIsPushedWhenOnlyItsAuthorIsConnectedHere() {
        User dave = http.newUser("Dave");
        TestSocket daveSocket = connected(dave);
        UUID message = UUID.randomUUID();

        produce(UUID.randomUUID().toString(), written(message, dave.id(), UUID.randomUUID(), "own copy"), dave.id(), UUID.randomUUID());

        assertThat(daveSocket.await(f -> message.toString().equals(f.path("id").asString())).get("text").asString())
                .isEqualTo("own copy");
    }

    @Test
    void aSkippedEventIsPushedWhenARedeliveredCopyFindsTheUserConnectedAndOnlyOnceAfterThat() {
        User erin = http.newUser("Erin");
        UUID author = UUID.randomUUID();
        UUID message = UUID.randomUUID();
        String dialog = UUID.randomUUID().toString();
        byte[] event = written(message, author, erin.id(), "redelivered");
        produce(dialog, event, author, erin.id()); // nobody connected here: skipped
        awaitNotPushed(produce(dialog, POISON, null, null)); // same partition: the fan-out is past the event

        TestSocket erinSocket = connected(erin);
        produce(dialog, event, author, erin.id()); // the writer's copy for a redelivered command
        produce(dialog, event, author, erin.id());
        UUID marker = UUID.randomUUID();
        produce(dialog, written(marker, author, erin.id(), "marker"), author, erin.id());

        erinSocket.await(f -> marker.toString().equals(f.path("id").asString()));
        assertThat(erinSocket.frames("message")).extracting(f -> f.get("id").asString())
                .containsExactly(message.toString(), marker.toString());
    }

    /** Open and registered here: the handshake's answer can reach the client before the server registers it. */
    private TestSocket connected(User user) {
        TestSocket socket = socket(user);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !registry.sessionsOf(user.id()).isEmpty());
        return socket;
    }

    /** Sends as the writer does (keyed by dialog); null ids: without the headers, as an older writer. */
    private RecordMetadata produce(String dialog, byte[] value, UUID author, UUID recipient) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, dialog, value);
        if (author != null) {
            record.headers().add(MessageEventHeaders.AUTHOR, MessageEventHeaders.encode(author));
            record.headers().add(MessageEventHeaders.RECIPIENT, MessageEventHeaders.encode(recipient));
        }
        try (var producer = rawProducers.createProducer()) {
            return producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("test producer: " + e.getMessage(), e);
        }
    }

    private static byte[] written(UUID message, UUID author, UUID recipient, String text) {
        long now = System.currentTimeMillis();
        MessageEvent event = MessageEvent.written(new SendMessageCommand(message, UUID.randomUUID(), author, recipient,
                text, now, null), now);
        return TestHttp.JSON.writeValueAsBytes(event);
    }

    private List<String> notPushed() {
        return errors.lines.stream().filter(line -> line.contains("not pushed")).toList();
    }

    private void awaitNotPushed(RecordMetadata record) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> notPushed().stream().anyMatch(line -> line.contains(at(record))));
    }

    /** Log lines on the fan-out's consumer thread, readable from the test's while they come. */
    private static final class Lines extends AppenderBase<ILoggingEvent> {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            lines.add(event.getFormattedMessage());
        }
    }

    /** As the error handler names a record: topic-partition@offset. */
    private static String at(RecordMetadata record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset() + " ";
    }
}
