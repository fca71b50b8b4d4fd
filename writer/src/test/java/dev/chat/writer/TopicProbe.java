package dev.chat.writer;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import tools.jackson.databind.json.JsonMapper;

/** Reads every record of one topic from the beginning, in partition order, for assertions. */
public final class TopicProbe implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
    private final KafkaMessageListenerContainer<String, byte[]> container;

    public TopicProbe(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(config,
                new StringDeserializer(), new ByteArrayDeserializer());
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setMessageListener((MessageListener<String, byte[]>) records::add);
        container = new KafkaMessageListenerContainer<>(consumers, properties);
        container.start();
    }

    public List<ConsumerRecord<String, byte[]>> records() {
        return List.copyOf(records);
    }

    /** Values parsed as {@code type}, of the records that pass {@code filter} once parsed. */
    public <T> List<T> values(Class<T> type, Predicate<T> filter) {
        return records.stream().map(r -> parse(r.value(), type)).filter(filter).toList();
    }

    public static <T> T parse(byte[] json, Class<T> type) {
        return JSON.readValue(json, type);
    }

    public static byte[] json(Object value) {
        return JSON.writeValueAsBytes(value);
    }

    @Override
    public void close() {
        container.stop();
    }
}
