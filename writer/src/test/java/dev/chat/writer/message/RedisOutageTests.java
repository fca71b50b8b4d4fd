package dev.chat.writer.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.chat.common.command.MessageEvent;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.common.dialog.DialogStore;
import dev.chat.testsupport.FreePorts;
import dev.chat.testsupport.TestRedis;
import dev.chat.writer.Commands;
import dev.chat.writer.PausedListener;
import dev.chat.writer.RedisProbe;
import dev.chat.writer.StandaloneWriter;
import dev.chat.writer.TestClients;
import dev.chat.writer.TopicProbe;
import io.lettuce.core.ScoredValue;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Redis goes away and comes back (a new, empty server on the same port): the command (or a whole poll of
 * them) waits in its partition, retried with back-off, and is stored once Redis answers again. The dialog was cached by the
 * first message; the binding reloads the functions library into the new server by itself.
 */
@EmbeddedKafka(brokerProperties = "auto.create.topics.enable=false")
class RedisOutageTests {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void retriesWhileRedisIsDownAndStoresTheMessageOnceItIsBack(EmbeddedKafkaBroker broker) throws Exception {
        String servers = broker.getBrokersAsString();
        int port = FreePorts.find();
        TestRedis.Server redis = TestRedis.start(port);
        // a short command timeout, so that calls made while Redis is down fail fast instead of queueing
        String url = redis.uri() + "?timeout=1s";
        try (StandaloneWriter writer = StandaloneWriter.start(servers, url, "chat.kafka.concurrency=1");
             KafkaProducer<String, byte[]> producer = TestClients.producer(servers);
             TopicProbe events = new TopicProbe(servers, "chat.message-events")) {
            UUID author = Commands.user();
            UUID friend = Commands.user();
            UUID dialog = writer.bean(DialogStore.class).makeDialog(author, friend, UUID.randomUUID(), "").dialog().id();
            SendMessageCommand before = Commands.send(dialog, author, friend, "before the outage");
            send(producer, before);
            await().atMost(WAIT).until(() -> written(events, before.messageId()));

            redis.stop();
            SendMessageCommand during = Commands.send(dialog, author, friend, "during the outage");
            send(producer, during);
            await().atMost(WAIT).until(() -> writer.count("chat.writer.retries", "kind", "transient") >= 2);
            assertThat(written(events, during.messageId())).isFalse();

            redis = TestRedis.start(port);
            await().atMost(WAIT).until(() -> written(events, during.messageId()));
            try (RedisProbe probe = new RedisProbe(redis.uri())) {
                assertThat(probe.messages(dialog)).singleElement()
                        .satisfies(m -> assertThat(m.getValue()).contains(during.messageId().toString()));
            }
            assertThat(writer.count("chat.writer.retries", "kind", "unexpected")).isZero();
            assertThat(events.values(MessageEvent.class, e -> e.messageId().equals(during.messageId())))
                    .extracting(MessageEvent::type).containsOnly(MessageEvent.Type.WRITTEN);
        } finally {
            redis.stop();
        }
    }

    @Test
    void retriesABatchWhileRedisIsDownAndStoresEachOfItsMessagesOnceInOrderOnceItIsBack(EmbeddedKafkaBroker broker)
            throws Exception {
        String servers = broker.getBrokersAsString();
        int port = FreePorts.find();
        TestRedis.Server redis = TestRedis.start(port);
        try (StandaloneWriter writer = StandaloneWriter.start(servers, redis.uri() + "?timeout=1s",
                "chat.kafka.concurrency=1");
             KafkaProducer<String, byte[]> producer = TestClients.producer(servers);
             TopicProbe events = new TopicProbe(servers, "chat.message-events")) {
            UUID author = Commands.user();
            UUID friend = Commands.user();
            UUID dialog = writer.bean(DialogStore.class).makeDialog(author, friend, UUID.randomUUID(), "").dialog().id();
            SendMessageCommand before = Commands.send(dialog, author, friend, "before the outage");
            send(producer, before);
            await().atMost(WAIT).until(() -> written(events, before.messageId()));
            List<SendMessageCommand> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                batch.add(i % 2 == 0 ? Commands.send(dialog, author, friend, "during " + i)
                        : Commands.send(dialog, friend, author, "during " + i));
            }

            try (PausedListener paused = PausedListener.pause(writer.messageListener())) {
                for (SendMessageCommand command : batch) {
                    send(producer, command);
                }
                redis.stop();
            }
            await().atMost(WAIT).until(() -> writer.count("chat.writer.retries", "kind", "transient") >= 2);
            assertThat(batch).noneMatch(command -> written(events, command.messageId()));

            redis = TestRedis.start(port);
            await().atMost(WAIT).until(() -> batch.stream().allMatch(command -> written(events, command.messageId())));
            List<UUID> sent = batch.stream().map(SendMessageCommand::messageId).toList();
            try (RedisProbe probe = new RedisProbe(redis.uri())) {
                List<String> stored = probe.messages(dialog).stream().map(ScoredValue::getValue).toList();
                assertThat(stored).hasSameSizeAs(sent);
                for (int i = 0; i < sent.size(); i++) {
                    assertThat(stored.get(i)).contains(sent.get(i).toString());
                }
            }
            assertThat(writtenInTopicOrder(events, dialog)).containsExactlyElementsOf(
                    Stream.concat(Stream.of(before.messageId()), sent.stream()).toList());
            assertThat(writer.count("chat.writer.retries", "kind", "unexpected")).isZero();
        } finally {
            redis.stop();
        }
    }

    /** The dialog's WRITTEN events as its partition holds them, each message's first one. */
    private static List<UUID> writtenInTopicOrder(TopicProbe events, UUID dialog) {
        return events.values(MessageEvent.class, e -> e.dialogId().equals(dialog) && e.type() == MessageEvent.Type.WRITTEN)
                .stream().map(MessageEvent::messageId).distinct().toList();
    }

    private static void send(KafkaProducer<String, byte[]> producer, SendMessageCommand command) throws Exception {
        producer.send(new ProducerRecord<>("chat.message-commands", command.dialogId().toString(),
                TopicProbe.json(command))).get(30, TimeUnit.SECONDS);
    }

    private static boolean written(TopicProbe events, UUID messageId) {
        return !events.values(MessageEvent.class, e -> e.messageId().equals(messageId)
                && e.type() == MessageEvent.Type.WRITTEN).isEmpty();
    }
}
