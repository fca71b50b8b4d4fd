package dev.chat.gateway;


import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;

/**
 * Reads a topic from the beginning as the writer would (JSON value of a fixed type, no type headers), to see
 * exactly what the gateway published. Each probe has its own consumer group.
 */
public final class TopicProbe<T> implements AutoCloseable {

    private final KafkaConsumer<String, T> consumer;
    private final List<ConsumerRecord<String, T>> seen = new ArrayList<>();

    public TopicProbe(String bootstrapServers, String topic, Class<T> type) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new JacksonJsonDeserializer<>(type, false));
        consumer.subscribe(List.of(topic));
    }

    /** Everything read until a record matching {@code last} has arrived (in arrival order per partition). */
    public List<ConsumerRecord<String, T>> readUntil(Predicate<T> last) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().anyMatch(r -> r.value() != null && last.test(r.value()));
        });
        return List.copyOf(seen);
    }

    public ConsumerRecord<String, T> await(Predicate<T> match) {
        return readUntil(match).stream().filter(r -> r.value() != null && match.test(r.value())).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
