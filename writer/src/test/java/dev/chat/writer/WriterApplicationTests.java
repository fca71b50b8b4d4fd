package dev.chat.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.sql.DataSource;

import dev.chat.boot.kafka.ChatTopics;
import dev.chat.udf.RedisChat;
import dev.chat.writer.system.KafkaSettings;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.MessageListenerContainer;

/** The wiring the Kafka contract depends on, checked on the running writer. */
class WriterApplicationTests extends WriterIntegrationTest {

    @Value("${spring.application.name:missing}")
    String applicationName;

    @Autowired
    KafkaAdmin admin;

    @Autowired
    KafkaSettings settings;

    @Autowired
    ProducerFactory<?, ?> producers;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    RedisChat redisChat;

    @Autowired
    @Qualifier("dialogStoreHealthIndicator")
    HealthIndicator dialogStoreHealth;

    @Autowired
    ApplicationContext context;

    @Test
    void loadsItsOwnConfigFileAndTheFunctionsLibrary() {
        assertThat(applicationName).isEqualTo("writer");
        assertThat(redisChat.functionsLoaded()).isTrue();
        assertThat(dialogStoreHealth.health().getStatus()).isEqualTo(Status.UP);
        assertThat(dialogStoreHealth.health().getDetails()).containsEntry("store", "redis");
    }

    @Test
    void needsNoDatabaseWithTheRedisStore() {
        assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
        assertThat(context.getBeanNamesForType(org.flywaydb.core.Flyway.class)).isEmpty();
    }

    /** chat-boot's JWT and security auto-configurations back off: the writer has no Spring Security. */
    @Test
    void getsItsKafkaHealthFromChatBootButNoTokenWiring() {
        assertThat(context.getBean("kafkaHealthIndicator")).isInstanceOf(HealthIndicator.class);
        assertThat(context.getBeanNamesForType(SecretKey.class)).isEmpty();
        assertThat(context.containsBean("jwtSecretCheck")).isFalse();
        assertThat(context.containsBean("jwtDecoder")).isFalse();
    }

    @Test
    void declaresEveryTopicAndDeadLetterTopicWithTheConfiguredPartitions() {
        ChatTopics.Names t = kafka.topics();
        List<String> names = List.of(t.messageCommands(), t.messageCommands() + ".DLT", t.messageEvents(),
                t.dialogCommands(), t.dialogCommands() + ".DLT", t.dialogReplies(), t.readCommands(),
                t.readCommands() + ".DLT", t.liveSignals());

        Map<String, TopicDescription> topics = admin.describeTopics(names.toArray(String[]::new));

        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(names);
        assertThat(kafka.partitions()).isGreaterThanOrEqualTo(12);
        assertThat(topics.values()).allSatisfy(d -> assertThat(d.partitions()).hasSize(kafka.partitions()));
    }

    @Test
    void producesWithAcksAllAndIdempotence() {
        Map<String, Object> config = producers.getConfigurationProperties();

        assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    @Test
    void commitsAPollsOffsetsOnlyAfterItsListenerReturnedForEachRecord() {
        MessageListenerContainer messages = listeners.getListenerContainer("message-commands");
        MessageListenerContainer dialogs = listeners.getListenerContainer("dialog-commands");

        assertThat(messages.getContainerProperties().getAckMode()).isEqualTo(AckMode.BATCH);
        assertThat(dialogs.getContainerProperties().getAckMode()).isEqualTo(AckMode.BATCH);
        assertThat(messages.getGroupId()).isEqualTo("writer");
        assertThat(messages.getContainerProperties().getTopics()).containsExactly("chat.message-commands");
    }

    @Autowired
    @Qualifier("messageCommandsContainerFactory")
    ConcurrentKafkaListenerContainerFactory<?, ?> messageContainers;

    @Test
    void takesMessageCommandsAPollAtATimeOfAtMostTheBatchSizeAndDialogCommandsOneByOne() {
        MessageListenerContainer messages = listeners.getListenerContainer("message-commands");
        MessageListenerContainer dialogs = listeners.getListenerContainer("dialog-commands");

        assertThat(messages.getContainerProperties().getMessageListener()).isInstanceOf(BatchMessageListener.class);
        assertThat(messageContainers.getConsumerFactory().getConfigurationProperties())
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchSize());
        assertThat(settings.batchSize()).isEqualTo(200);
        assertThat(dialogs.getContainerProperties().getMessageListener()).isNotInstanceOf(BatchMessageListener.class);
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void publishesItsMetricsInPrometheusFormat() {
        assertThat(meters).isInstanceOf(io.micrometer.prometheusmetrics.PrometheusMeterRegistry.class);
        String scrape = ((io.micrometer.prometheusmetrics.PrometheusMeterRegistry) meters).scrape();
        assertThat(scrape).contains("jvm_memory_used_bytes");
    }
}
