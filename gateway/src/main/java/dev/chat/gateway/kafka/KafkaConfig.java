package dev.chat.gateway.kafka;

import java.util.HashMap;
import java.util.Map;

import dev.chat.boot.kafka.ChatTopics;
import dev.chat.common.command.CreateDialogCommand;
import dev.chat.common.command.CreateDialogReply;
import dev.chat.common.command.PresenceSignal;
import dev.chat.common.command.ReadCommand;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.common.command.TypingSignal;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka wiring. Values are the chat-common records as JSON without type headers, keys are strings; every
 * consumer has a fixed target type per topic, so no class names travel between services.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfig.class);

    /** The serializers are part of the contract with the writer, so they are fixed here, not in YAML. */
    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    DefaultKafkaProducerFactoryCustomizer jsonValues() {
        return factory -> {
            DefaultKafkaProducerFactory raw = factory;
            raw.setKeySerializer(new StringSerializer());
            raw.setValueSerializer(new JacksonJsonSerializer<>().noTypeInfo());
        };
    }

    @Bean
    @SuppressWarnings("unchecked")
    KafkaTemplate<String, SendMessageCommand> messageCommandTemplate(ProducerFactory<?, ?> producers, ChatTopics chat) {
        KafkaTemplate<String, SendMessageCommand> template = new KafkaTemplate<>((ProducerFactory<String, SendMessageCommand>) producers);
        template.setDefaultTopic(chat.topics().messageCommands());
        template.setProducerListener(quietListener());
        return template;
    }

    @Bean
    @SuppressWarnings("unchecked")
    KafkaTemplate<String, ReadCommand> readCommandTemplate(ProducerFactory<?, ?> producers, ChatTopics chat) {
        KafkaTemplate<String, ReadCommand> template = new KafkaTemplate<>((ProducerFactory<String, ReadCommand>) producers);
        template.setDefaultTopic(chat.topics().readCommands());
        template.setProducerListener(quietListener());
        return template;
    }

    /**
     * Every gateway instance reads the whole shared reply topic under its own group and drops replies to other
     * instances' requests (their correlation ids are unknown here). It starts reading at the end: replies are
     * only ever awaited for requests sent after start-up.
     */
    @Bean
    ConcurrentMessageListenerContainer<String, CreateDialogReply> dialogReplyContainer(ConsumerFactory<?, ?> consumers,
                                                                                      ChatKafkaProperties kafka,
                                                                                      ChatTopics chat) {
        Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.replyGroupId());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        var factory = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new ErrorHandlingDeserializer<>(new JacksonJsonDeserializer<>(CreateDialogReply.class, tolerantMapper(), false)));
        var container = new ConcurrentMessageListenerContainer<>(factory, new ContainerProperties(chat.topics().dialogReplies()));
        container.setAutoStartup(false); // the replying template starts and stops it
        return container;
    }

    @Bean
    @SuppressWarnings("unchecked")
    ReplyingKafkaTemplate<String, CreateDialogCommand, CreateDialogReply> dialogCommandTemplate(
            ProducerFactory<?, ?> producers, ConcurrentMessageListenerContainer<String, CreateDialogReply> dialogReplyContainer,
            ChatKafkaProperties kafka, ChatTopics chat) {
        var template = new ReplyingKafkaTemplate<>((ProducerFactory<String, CreateDialogCommand>) producers, dialogReplyContainer);
        template.setDefaultTopic(chat.topics().dialogCommands());
        template.setDefaultReplyTimeout(kafka.replyTimeout());
        template.setSharedReplyTopic(true);
        template.setProducerListener(quietListener());
        return template;
    }

    /**
     * The WebSocket fan-out: every gateway instance reads every message event under its own group, from the end
     * (only sessions open now get pushes; a reconnecting client catches up from the reader). Values stay raw bytes:
     * the listener parses only the events of users connected here, which the record's headers name. An event that
     * cannot be read or pushed is logged and skipped, not dead-lettered: it is still in the topic for everyone
     * else, and the message itself is in the store.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> messageEventContainerFactory(ConsumerFactory<?, ?> consumers,
                                                                                        ChatKafkaProperties kafka) {
        return fanOut(consumers, kafka.eventsGroupId(), "message event");
    }

    /**
     * The live signals (typing) reach every gateway the same way as message events: every instance reads all of them,
     * from the end, under a group of its own (the events group's id with {@code -signals}); a signal that cannot be
     * read is logged and skipped. Nothing is lost that was worth keeping: a typing signal is stale in seconds.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> liveSignalContainerFactory(ConsumerFactory<?, ?> consumers,
                                                                                      ChatKafkaProperties kafka) {
        return fanOut(consumers, kafka.eventsGroupId() + "-signals", "live signal");
    }

    @Bean
    @SuppressWarnings("unchecked")
    KafkaTemplate<String, TypingSignal> typingSignalTemplate(ProducerFactory<?, ?> producers, ChatTopics chat) {
        KafkaTemplate<String, TypingSignal> template = new KafkaTemplate<>((ProducerFactory<String, TypingSignal>) producers);
        template.setDefaultTopic(chat.topics().liveSignals());
        template.setProducerListener(quietListener());
        return template;
    }

    @Bean
    @SuppressWarnings("unchecked")
    KafkaTemplate<String, PresenceSignal> presenceSignalTemplate(ProducerFactory<?, ?> producers, ChatTopics chat) {
        KafkaTemplate<String, PresenceSignal> template = new KafkaTemplate<>((ProducerFactory<String, PresenceSignal>) producers);
        template.setDefaultTopic(chat.topics().liveSignals());
        template.setProducerListener(quietListener());
        return template;
    }

    private static ConcurrentKafkaListenerContainerFactory<String, byte[]> fanOut(ConsumerFactory<?, ?> consumers,
                                                                                 String groupId, String what) {
        Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer()));
        factory.setCommonErrorHandler(new DefaultErrorHandler((record, e) -> log.warn("{} {}-{}@{} not pushed: {}", what,
                record.topic(), record.partition(), record.offset(), e.toString()), new FixedBackOff(0, 0)));
        return factory;
    }

    /**
     * Logs nothing: the callers log a failed send once, without its payload (message texts are users' private data),
     * and while Kafka is away only in the "Kafka unreachable" report. Spring's default listener would add an ERROR
     * with a stack trace for every send.
     */
    private static <K, V> ProducerListener<K, V> quietListener() {
        return new ProducerListener<>() {
        };
    }

    /** The writer may add reply fields before this gateway knows them: ignore those, do not fail. */
    private static JsonMapper tolerantMapper() {
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }
}
