package dev.chat.writer;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.chat.boot.kafka.ChatTopics;
import dev.chat.common.dialog.DialogStore;
import dev.chat.testsupport.TestRedis;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One writer against an embedded Kafka (KRaft) and the shared test Redis. Subclasses share the context,
 * so every test uses fresh random users and dialogs. Retries are fast here so that failure paths finish
 * within seconds.
 */
@SpringBootTest(properties = {WriterApplication.CONFIG_NAME, "chat.kafka.retry.initial-interval=20ms",
        "chat.kafka.retry.max-interval=200ms", "chat.kafka.retry.unexpected-attempts=2",
        "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN", "logging.level.state.change.logger=ERROR",
        "logging.structured.format.console="})
// no auto-creation: every topic must come from the writer's own NewTopic declarations
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        brokerProperties = "auto.create.topics.enable=false")
@Import(TestClients.class)
public abstract class WriterIntegrationTest {

    @Autowired
    protected ChatTopics kafka;

    @Autowired
    protected DialogStore store;

    @Autowired
    protected TestClients clients;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("chat.redis.url", TestRedis::uri);
    }

    protected void send(String topic, String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    protected void send(ProducerRecord<String, byte[]> record) {
        try {
            clients.producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("test producer: " + e.getMessage(), e);
        }
    }

    /** A dialog of two new users, made directly in the store. */
    protected UUID dialogOf(UUID userId, UUID friendId) {
        return store.makeDialog(userId, friendId, UUID.randomUUID(), "test").dialog().id();
    }
}
