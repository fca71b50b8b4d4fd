package dev.chat.writer;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.chat.boot.kafka.ChatTopics;
import dev.chat.common.command.CreateDialogReply;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import tools.jackson.databind.json.JsonMapper;

/** Test-side Kafka clients, created once per context. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClients implements AutoCloseable {

    final KafkaProducer<String, byte[]> producer;
    private final String servers;
    private final ChatTopics kafka;
    private final Map<String, TopicProbe> probes = new ConcurrentHashMap<>();
    private ReplyingKafkaTemplate<String, Object, CreateDialogReply> dialogRequests;

    TestClients(@Value("${spring.kafka.bootstrap-servers}") String servers, ChatTopics kafka) {
        this.servers = servers;
        this.kafka = kafka;
        producer = producer(servers);
    }

    /** A plain producer of raw command bytes, as any client of the topics could send them. */
    public static KafkaProducer<String, byte[]> producer(String servers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers), new StringSerializer(),
                new ByteArraySerializer());
    }

    public TopicProbe events() {
        return probe(kafka.topics().messageEvents());
    }

    public TopicProbe messageDeadLetters() {
        return probe(ChatTopics.deadLetter(kafka.topics().messageCommands()));
    }

    public TopicProbe dialogDeadLetters() {
        return probe(ChatTopics.deadLetter(kafka.topics().dialogCommands()));
    }

    public TopicProbe readDeadLetters() {
        return probe(ChatTopics.deadLetter(kafka.topics().readCommands()));
    }

    /** Started on first use, i.e. after the writer declared its topics with all their partitions. */
    private TopicProbe probe(String topic) {
        return probes.computeIfAbsent(topic, t -> new TopicProbe(servers, t));
    }

    /**
     * The gateway's side of dialog creation. Not a bean: a KafkaTemplate bean would replace the writer's
     * own (Boot backs off when one exists).
     */
    public synchronized ReplyingKafkaTemplate<String, Object, CreateDialogReply> dialogRequests() {
        if (dialogRequests == null) {
            dialogRequests = replyingTemplate();
            dialogRequests.start();
        }
        return dialogRequests;
    }

    private ReplyingKafkaTemplate<String, Object, CreateDialogReply> replyingTemplate() {
        JsonMapper json = JsonMapper.builder().build();
        DefaultKafkaProducerFactory<String, Object> producers = new DefaultKafkaProducerFactory<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers), new StringSerializer(),
                new JacksonJsonSerializer<>(json).noTypeInfo());
        DefaultKafkaConsumerFactory<String, CreateDialogReply> consumers = new DefaultKafkaConsumerFactory<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                        ConsumerConfig.GROUP_ID_CONFIG, "test-gateway-" + UUID.randomUUID()),
                new StringDeserializer(), new JacksonJsonDeserializer<>(CreateDialogReply.class, json, false));
        ConcurrentMessageListenerContainer<String, CreateDialogReply> replies =
                new ConcurrentMessageListenerContainer<>(consumers,
                        new ContainerProperties(kafka.topics().dialogReplies()));
        ReplyingKafkaTemplate<String, Object, CreateDialogReply> template =
                new ReplyingKafkaTemplate<>(producers, replies);
        template.setDefaultReplyTimeout(Duration.ofSeconds(30));
        template.afterPropertiesSet();
        return template;
    }

    @Override
    public void close() {
        producer.close();
        probes.values().forEach(TopicProbe::close);
        if (dialogRequests != null) {
            dialogRequests.stop();
            dialogRequests.destroy();
        }
    }
}
