package dev.chat.gateway;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.chat.common.command.CreateDialogCommand;
import dev.chat.common.command.CreateDialogReply;
import dev.chat.common.dialog.DialogCreation;
import dev.chat.common.dialog.DialogStore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.messaging.handler.annotation.SendTo;

/**
 * Stands in for the writer's dialog-command listener (the real one lives in another module; system-tests run
 * the pair): consumes {@code CreateDialogCommand}s from the embedded broker, calls the real
 * {@link DialogStore#makeDialog} on the test Redis, and replies with {@code @SendTo} like the writer does.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeWriter {

    public static final String LISTENER_ID = "fake-writer";

    /** Commands from these users get no reply at all, as if no writer were running. */
    public static final Set<UUID> SILENT_FOR = ConcurrentHashMap.newKeySet();

    @Bean
    @SuppressWarnings("unchecked")
    ConcurrentKafkaListenerContainerFactory<String, CreateDialogCommand> fakeWriterContainers(
            ConsumerFactory<?, ?> consumers, ProducerFactory<?, ?> producers) {
        Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var factory = new ConcurrentKafkaListenerContainerFactory<String, CreateDialogCommand>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new ErrorHandlingDeserializer<>(new JacksonJsonDeserializer<>(CreateDialogCommand.class, false))));
        factory.setReplyTemplate(new KafkaTemplate<>((ProducerFactory<String, Object>) producers));
        return factory;
    }

    @Bean
    Listener fakeWriterListener(DialogStore store) {
        return new Listener(store);
    }

    public static class Listener {
        private final DialogStore store;

        Listener(DialogStore store) {
            this.store = store;
        }

        @KafkaListener(id = LISTENER_ID, groupId = LISTENER_ID, topics = "${chat.kafka.topics.dialog-commands}",
                containerFactory = "fakeWriterContainers")
        @SendTo // to the reply topic the request names, with its correlation id
        public CreateDialogReply on(CreateDialogCommand command) {
            if (SILENT_FOR.contains(command.userId())) {
                return null; // no reply
            }
            DialogCreation creation = store.makeDialog(command.userId(), command.friendId(), command.newDialogId(), command.name());
            return new CreateDialogReply(creation.dialog().id(), creation.dialog().name(), creation.dialog().ownerId(),
                    creation.created());
        }
    }
}
