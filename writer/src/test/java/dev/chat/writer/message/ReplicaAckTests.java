package dev.chat.writer.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.chat.common.command.MessageEvent;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.common.dialog.DialogStore;
import dev.chat.testsupport.TestReplicatedRedis;
import dev.chat.writer.Commands;
import dev.chat.writer.PausedListener;
import dev.chat.writer.RedisProbe;
import dev.chat.writer.StandaloneWriter;
import dev.chat.writer.TestClients;
import dev.chat.writer.TopicProbe;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * {@code chat.redis.replica-acks=1} on a primary with one replica that stops answering (SIGSTOP): the poll's writes
 * reach the primary but are not confirmed, so the batch is retried as a transient failure (never dead-lettered) and
 * no event is published for it; once the replica is back, every message is confirmed, published once as WRITTEN and
 * stored once.
 */
@EmbeddedKafka(brokerProperties = "auto.create.topics.enable=false")
class ReplicaAckTests {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aBatchTheReplicaDoesNotConfirmIsRetriedAndPublishedOnlyOnceTheReplicaHasIt(EmbeddedKafkaBroker broker)
            throws Exception {
        String servers = broker.getBrokersAsString();
        try (TestReplicatedRedis redis = TestReplicatedRedis.start();
             StandaloneWriter writer = StandaloneWriter.start(servers, redis.primary().uri() + "?timeout=5s",
                "chat.kafka.concurrency=1", "chat.redis.replica-acks=1", "chat.redis.replica-ack-timeout=1s");
             KafkaProducer<String, byte[]> producer = TestClients.producer(servers);
             TopicProbe events = new TopicProbe(servers, "chat.message-events")) {
            UUID author = Commands.user();
            UUID friend = Commands.user();
            UUID dialog = writer.bean(DialogStore.class).makeDialog(author, friend, UUID.randomUUID(), "").dialog().id();
            // one confirmed message first: the listener then owns its partition, so pausing it below holds the batch
            SendMessageCommand first = Commands.send(dialog, author, friend, "confirmed");
            send(producer, first);
            await().atMost(WAIT).until(() -> published(events, first.messageId()));
            List<SendMessageCommand> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                batch.add(Commands.send(dialog, author, friend, "unconfirmed " + i));
            }

            redis.pauseReplica();
            try (PausedListener ignored = PausedListener.pause(writer.messageListener())) {
                for (SendMessageCommand command : batch) {
                    send(producer, command);
                }
            }
            await().atMost(WAIT).until(() -> writer.count("chat.writer.retries", "kind", "transient") >= 2);
            assertThat(batch).noneMatch(command -> published(events, command.messageId()));

            redis.resumeReplica();
            await().atMost(WAIT).until(() -> batch.stream().allMatch(command -> published(events, command.messageId())));

            try (RedisProbe probe = new RedisProbe(redis.replica().uri())) {
                assertThat(probe.messages(dialog)).hasSize(batch.size() + 1);
            }
            assertThat(events.values(MessageEvent.class, e -> e.dialogId().equals(dialog)))
                    .extracting(MessageEvent::type).containsOnly(MessageEvent.Type.WRITTEN);
            assertThat(writer.count("chat.writer.retries", "kind", "unexpected")).isZero();
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, SendMessageCommand command) throws Exception {
        producer.send(new ProducerRecord<>("chat.message-commands", command.dialogId().toString(),
                TopicProbe.json(command))).get(30, TimeUnit.SECONDS);
    }

    private static boolean published(TopicProbe events, UUID messageId) {
        return !events.values(MessageEvent.class, e -> e.messageId().equals(messageId)).isEmpty();
    }
}
