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
import dev.chat.testsupport.FreePorts;
import dev.chat.testsupport.Signals;
import dev.chat.testsupport.TestRedis;
import dev.chat.writer.Commands;
import dev.chat.writer.PausedListener;
import dev.chat.writer.RedisProbe;
import dev.chat.writer.StandaloneWriter;
import dev.chat.writer.TestClients;
import dev.chat.writer.TopicProbe;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
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
        TestRedis.Server primary = TestRedis.start(FreePorts.find(), "repl-diskless-sync-delay 0");
        TestRedis.Server replica = TestRedis.start(FreePorts.find(), "replicaof 127.0.0.1 " + primary.port());
        long replicaPid = awaitInSync(primary, replica);
        boolean paused = false;
        try (StandaloneWriter writer = StandaloneWriter.start(servers, primary.uri() + "?timeout=5s",
                "chat.kafka.concurrency=1", "chat.redis.replica-acks=1", "chat.redis.replica-ack-timeout=200ms");
             KafkaProducer<String, byte[]> producer = TestClients.producer(servers);
             TopicProbe events = new TopicProbe(servers, "chat.message-events")) {
            UUID author = Commands.user();
            UUID friend = Commands.user();
            UUID dialog = writer.bean(DialogStore.class).makeDialog(author, friend, UUID.randomUUID(), "").dialog().id();
            List<SendMessageCommand> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                batch.add(Commands.send(dialog, author, friend, "unconfirmed " + i));
            }

            Signals.send(replicaPid, "STOP");
            paused = true;
            try (PausedListener ignored = PausedListener.pause(writer.messageListener())) {
                for (SendMessageCommand command : batch) {
                    send(producer, command);
                }
            }
            await().atMost(WAIT).until(() -> writer.count("chat.writer.retries", "kind", "transient") >= 2);
            assertThat(batch).noneMatch(command -> published(events, command.messageId()));

            Signals.send(replicaPid, "CONT");
            paused = false;
            await().atMost(WAIT).until(() -> batch.stream().allMatch(command -> published(events, command.messageId())));

            try (RedisProbe probe = new RedisProbe(replica.uri())) {
                assertThat(probe.messages(dialog)).hasSize(batch.size());
            }
            assertThat(events.values(MessageEvent.class, e -> e.dialogId().equals(dialog)))
                    .extracting(MessageEvent::type).containsOnly(MessageEvent.Type.WRITTEN);
            assertThat(writer.count("chat.writer.retries", "kind", "unexpected")).isZero();
        } finally {
            if (paused) {
                Signals.send(replicaPid, "CONT");
            }
            replica.stop();
            primary.stop();
        }
    }

    /** Waits until the replica is in sync with the primary and returns the replica's process id. */
    private static long awaitInSync(TestRedis.Server primary, TestRedis.Server replica) {
        try (RedisClient client = RedisClient.create();
             StatefulRedisConnection<String, String> toPrimary = client.connect(RedisURI.create(primary.uri()));
             StatefulRedisConnection<String, String> toReplica = client.connect(RedisURI.create(replica.uri()))) {
            await().atMost(WAIT).until(() -> toReplica.sync().info("replication").contains("master_link_status:up")
                    && toPrimary.sync().info("replication").contains("connected_slaves:1"));
            return Signals.redisPid(toReplica.sync());
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
