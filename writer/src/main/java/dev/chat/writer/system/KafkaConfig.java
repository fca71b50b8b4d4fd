package dev.chat.writer.system;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.chat.common.command.CreateDialogCommand;
import dev.chat.common.command.ReadCommand;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.writer.dialog.CreateDialogCommandValidator;
import dev.chat.writer.message.ReadCommandValidator;
import dev.chat.writer.message.SendMessageCommandValidator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.validation.Validator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Topics, serialization and listener containers.
 *
 * <p>Wire format: keys are strings; values are plain JSON of the {@code dev.chat.common.command} records,
 * without type headers. Each command topic has one fixed target type, deserialized by a
 * {@code JacksonJsonDeserializer} inside an {@code ErrorHandlingDeserializer} that also validates, so a
 * record that cannot become a valid command reaches the error handler as a {@code DeserializationException}.
 *
 * <p>Ack mode BATCH: once the listener has returned for every record of a poll (each after its store write
 * and its acknowledged event or reply), the container commits their offsets at once. A crash before that
 * redelivers the poll's records, which the idempotent store absorbs (a second WRITTEN event per replayed
 * message, as for any redelivery). RECORD would pay a synchronous commit round trip per message, which the
 * load test's writer, starved of CPU at 100 users and more, could not afford.
 *
 * <p>Message commands go to a batch listener, at most {@code chat.kafka.batch-size} records per poll, so a
 * poll is one store call and one wait for its events; dialog commands stay with a record listener, since each
 * is a request whose reply the gateway awaits, and so do read commands.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Boot's producer factory (connection settings from {@code spring.kafka.*}) with what the writer relies
     * on forced: acks=all and idempotence, so events, replies and dead letters are neither lost nor doubled
     * by producer retries. Values: objects as JSON without type headers, {@code byte[]} (the original bytes
     * of a poison record on its way to the dead-letter topic) as is.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer writerProducer() {
        return factory -> {
            factory.updateConfigs(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
            @SuppressWarnings("unchecked")
            DefaultKafkaProducerFactory<String, Object> typed = (DefaultKafkaProducerFactory<String, Object>) factory;
            typed.setKeySerializer(new StringSerializer());
            typed.setValueSerializer(valueSerializer());
        };
    }

    private static Serializer<Object> valueSerializer() {
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(Object.class, new JacksonJsonSerializer<>(wireMapper()).noTypeInfo());
        return new DelegatingByTypeSerializer(byType, true);
    }

    static JsonMapper wireMapper() {
        // other services may add fields before the writer knows them
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> messageCommandsContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<?, ?> kafkaConsumerFactory,
            DefaultErrorHandler commandErrorHandler, KafkaSettings settings) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = containers(configurer,
                commands(kafkaConsumerFactory, SendMessageCommand.class, new SendMessageCommandValidator(),
                        Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchSize())),
                commandErrorHandler, settings);
        factory.setBatchListener(true);
        return factory;
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> dialogCommandsContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<?, ?> kafkaConsumerFactory,
            DefaultErrorHandler commandErrorHandler, KafkaSettings settings, KafkaTemplate<String, Object> template) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = containers(configurer,
                commands(kafkaConsumerFactory, CreateDialogCommand.class, new CreateDialogCommandValidator(), Map.of()),
                commandErrorHandler, settings);
        factory.setReplyTemplate(template);
        return factory;
    }

    /** Read commands one by one, like dialog commands: each is one marker move and one event, nothing to batch. */
    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> readCommandsContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<?, ?> kafkaConsumerFactory,
            DefaultErrorHandler commandErrorHandler, KafkaSettings settings) {
        return containers(configurer, commands(kafkaConsumerFactory, ReadCommand.class, new ReadCommandValidator(),
                Map.of()), commandErrorHandler, settings);
    }

    private static ConcurrentKafkaListenerContainerFactory<Object, Object> containers(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            DefaultErrorHandler errorHandler, KafkaSettings settings) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setCommonErrorHandler(errorHandler);
        factory.setConcurrency(settings.concurrency());
        // on a failure the error handler seeks back to the failed record; only handled records' offsets commit
        factory.getContainerProperties().setAckMode(AckMode.BATCH);
        return factory;
    }

    /**
     * Consumers of one command topic: Boot's consumer settings plus a fixed value type and {@code extra}. A new
     * group starts from the earliest offset, so commands published before the first writer started are not skipped.
     */
    private static ConsumerFactory<Object, Object> commands(ConsumerFactory<?, ?> base, Class<?> type,
                                                            Validator validator, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(base.getConfigurationProperties());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putAll(extra);
        DefaultKafkaConsumerFactory<Object, Object> factory = new DefaultKafkaConsumerFactory<>(config, KafkaConfig::keys,
                () -> values(type, validator));
        // Boot's listeners bind the Kafka client metrics (kafka.consumer.*, incl. records-lag-max) to Micrometer
        base.getListeners().forEach(listener -> factory.addListener(cast(listener)));
        return factory;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ConsumerFactory.Listener<Object, Object> cast(ConsumerFactory.Listener<?, ?> listener) {
        return (ConsumerFactory.Listener) listener;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Deserializer<Object> keys() {
        return (Deserializer) new StringDeserializer();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Deserializer<Object> values(Class<?> type, Validator validator) {
        // false: ignore type headers even if a producer sends them; the topic decides the type
        JacksonJsonDeserializer<Object> json = new JacksonJsonDeserializer(type, wireMapper(), false);
        ErrorHandlingDeserializer<Object> safe = new ErrorHandlingDeserializer<>(json);
        safe.setValidator(validator);
        return safe;
    }
}
