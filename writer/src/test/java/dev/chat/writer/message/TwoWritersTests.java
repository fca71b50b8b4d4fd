package dev.chat.writer.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.chat.common.command.SendMessageCommand;
import dev.chat.common.dialog.DialogStore;
import dev.chat.testsupport.TestRedis;
import dev.chat.writer.Commands;
import dev.chat.writer.RedisProbe;
import dev.chat.writer.StandaloneWriter;
import dev.chat.writer.TestClients;
import dev.chat.writer.TopicProbe;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** Two writer processes in one consumer group: Kafka splits the partitions, the store keeps one copy. */
@EmbeddedKafka(brokerProperties = "auto.create.topics.enable=false")
class TwoWritersTests {

    private static final int PARTITIONS = 12;
    private static final int PER_DIALOG = 5;

    @Test
    void shareThePartitionsAndStoreEveryMessageExactlyOnce(EmbeddedKafkaBroker broker) throws Exception {
        String servers = broker.getBrokersAsString();
        try (StandaloneWriter one = StandaloneWriter.start(servers, TestRedis.uri(), "chat.kafka.concurrency=2");
             StandaloneWriter two = StandaloneWriter.start(servers, TestRedis.uri(), "chat.kafka.concurrency=2");
             RedisProbe redis = new RedisProbe(TestRedis.uri());
             KafkaProducer<String, byte[]> producer = TestClients.producer(servers)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> splitBetween(one, two));

            List<UUID> dialogs = dialogsOnEveryPartition(one.bean(DialogStore.class));
            for (int i = 0; i < PER_DIALOG; i++) {
                for (UUID dialog : dialogs) {
                    SendMessageCommand command = Commands.send(dialog, owner(dialog), friend(dialog), "m" + i);
                    producer.send(new ProducerRecord<>("chat.message-commands", dialog.toString(),
                            TopicProbe.json(command)));
                }
            }
            producer.flush();

            int total = dialogs.size() * PER_DIALOG;
            await().atMost(Duration.ofSeconds(60)).until(() -> stored(one) + stored(two) >= total);
            assertThat(stored(one) + stored(two)).isEqualTo(total);
            assertThat(stored(one)).isPositive();
            assertThat(stored(two)).isPositive();
            assertThat(dialogs).allSatisfy(d -> assertThat(redis.messages(d)).hasSize(PER_DIALOG));
        }
    }

    /** Both own partitions, none twice, all of them covered: the group has settled. */
    private static boolean splitBetween(StandaloneWriter one, StandaloneWriter two) {
        Set<TopicPartition> a = new HashSet<>(one.messagePartitions());
        Set<TopicPartition> b = new HashSet<>(two.messagePartitions());
        Set<TopicPartition> all = new HashSet<>(a);
        all.addAll(b);
        return !a.isEmpty() && !b.isEmpty() && all.size() == a.size() + b.size() && all.size() == PARTITIONS;
    }

    private final Map<UUID, UUID[]> users = new HashMap<>();

    /** Two dialogs per partition (by Kafka's default key hashing), so each writer has work. */
    private List<UUID> dialogsOnEveryPartition(DialogStore store) {
        int[] perPartition = new int[PARTITIONS];
        List<UUID> dialogs = new ArrayList<>();
        while (dialogs.size() < 2 * PARTITIONS) {
            UUID id = UUID.randomUUID();
            int partition = Utils.toPositive(Utils.murmur2(id.toString().getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            if (perPartition[partition] < 2) {
                perPartition[partition]++;
                UUID owner = Commands.user();
                UUID friend = Commands.user();
                store.makeDialog(owner, friend, id, "");
                users.put(id, new UUID[] {owner, friend});
                dialogs.add(id);
            }
        }
        return dialogs;
    }

    private UUID owner(UUID dialog) {
        return users.get(dialog)[0];
    }

    private UUID friend(UUID dialog) {
        return users.get(dialog)[1];
    }

    private static double stored(StandaloneWriter writer) {
        return writer.count(WriterMetrics.MESSAGES, "outcome", "stored");
    }
}
