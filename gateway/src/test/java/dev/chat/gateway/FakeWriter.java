package dev.chat.gateway;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.chat.common.command.CreateDialogCommand;
import dev.chat.common.command.CreateDialogReply;
import dev.chat.common.command.MessageEvent;
import dev.chat.common.command.MessageEventHeaders;
import dev.chat.common.command.ReadCommand;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogCreation;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.PageCursor;
import dev.chat.common.dialog.ReadOutcome;
import dev.chat.common.dialog.WriteOutcome;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
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
 * Stands in for the writer (the real one lives in another module; system-tests run the pair):
 * <ul>
 *   <li>consumes {@code CreateDialogCommand}s from the embedded broker, calls the real
 *       {@link DialogStore#makeDialog} on the test Redis, and replies with {@code @SendTo} like the writer does;</li>
 *   <li>consumes {@code SendMessageCommand}s, stores them with the real {@link DialogStore#writeMessage} and
 *       publishes the writer's {@code WRITTEN}/{@code REJECTED} {@link MessageEvent} (keyed by dialog id, no type
 *       headers), which the gateway's WebSocket fan-out pushes;</li>
 *   <li>consumes {@code ReadCommand}s, moves the marker with the real {@link DialogStore#markRead} and publishes the
 *       writer's {@code READ} event with its user headers, for every delivery.</li>
 * </ul>
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeWriter {

    public static final String LISTENER_ID = "fake-writer";
    public static final String MESSAGES_LISTENER_ID = "fake-writer-messages";
    public static final String READS_LISTENER_ID = "fake-writer-reads";

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
    @SuppressWarnings("unchecked")
    ConcurrentKafkaListenerContainerFactory<String, SendMessageCommand> fakeWriterMessageContainers(
            ConsumerFactory<?, ?> consumers) {
        Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var factory = new ConcurrentKafkaListenerContainerFactory<String, SendMessageCommand>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new ErrorHandlingDeserializer<>(new JacksonJsonDeserializer<>(SendMessageCommand.class, false))));
        return factory;
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, ReadCommand> fakeWriterReadContainers(ConsumerFactory<?, ?> consumers) {
        Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var factory = new ConcurrentKafkaListenerContainerFactory<String, ReadCommand>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new ErrorHandlingDeserializer<>(new JacksonJsonDeserializer<>(ReadCommand.class, false))));
        return factory;
    }

    @Bean
    @SuppressWarnings("unchecked")
    ReadListener fakeWriterReadListener(DialogStore store, ProducerFactory<?, ?> producers,
                                        @Value("${chat.kafka.topics.message-events}") String eventsTopic) {
        return new ReadListener(store, new KafkaTemplate<>((ProducerFactory<String, Object>) producers), eventsTopic);
    }

    /** The writer's read path in short: marker moved (or not), then a READ event naming both users in its headers. */
    public record ReadListener(DialogStore store, KafkaTemplate<String, Object> events, String eventsTopic) {

        @KafkaListener(id = READS_LISTENER_ID, groupId = READS_LISTENER_ID, topics = "${chat.kafka.topics.read-commands}",
                containerFactory = "fakeWriterReadContainers")
        public void on(ReadCommand c) throws Exception {
            ReadOutcome outcome = store.markRead(c.userId(), c.friendId(), c.dialogId(), new PageCursor(c.ts(), c.messageId()));
            if (outcome.status() == ReadOutcome.Status.NO_SUCH_MESSAGE) {
                return;
            }
            ProducerRecord<String, Object> record = new ProducerRecord<>(eventsTopic, c.dialogId().toString(),
                    MessageEvent.read(c, System.currentTimeMillis()));
            record.headers().add(MessageEventHeaders.AUTHOR, MessageEventHeaders.encode(c.userId()));
            record.headers().add(MessageEventHeaders.RECIPIENT, MessageEventHeaders.encode(c.friendId()));
            events.send(record).get(10, TimeUnit.SECONDS);
        }
    }

    @Bean
    Listener fakeWriterListener(DialogStore store) {
        return new Listener(store);
    }

    @Bean
    @SuppressWarnings("unchecked")
    MessageListener fakeWriterMessageListener(DialogStore store, ProducerFactory<?, ?> producers,
                                              @Value("${chat.kafka.topics.message-events}") String eventsTopic) {
        return new MessageListener(store, new KafkaTemplate<>((ProducerFactory<String, Object>) producers), eventsTopic);
    }

    /** The writer's send path in short: dialog check, idempotent write, event acknowledged before the next record. */
    public static class MessageListener {
        private final DialogStore store;
        private final KafkaTemplate<String, Object> events;
        private final String eventsTopic;

        MessageListener(DialogStore store, KafkaTemplate<String, Object> events, String eventsTopic) {
            this.store = store;
            this.events = events;
            this.eventsTopic = eventsTopic;
        }

        @KafkaListener(id = MESSAGES_LISTENER_ID, groupId = MESSAGES_LISTENER_ID, topics = "${chat.kafka.topics.message-commands}",
                containerFactory = "fakeWriterMessageContainers")
        public void on(SendMessageCommand c) throws Exception {
            Optional<Dialog> dialog = store.findDialog(c.authorId(), c.recipientId());
            MessageEvent event;
            if (dialog.isEmpty() || !dialog.get().id().equals(c.dialogId())) {
                event = MessageEvent.rejected(c, System.currentTimeMillis(), dialog.isEmpty() ? "dialog-not-found" : "dialog-mismatch");
            } else {
                WriteOutcome outcome = store.writeMessage(new ChatMessage(c.messageId(), c.authorId(), c.dialogId(), c.text(), c.ts()),
                        c.clientId());
                event = MessageEvent.written(new SendMessageCommand(outcome.messageId(), c.dialogId(), c.authorId(),
                        c.recipientId(), c.text(), c.ts(), c.clientId()), System.currentTimeMillis());
            }
            events.send(eventsTopic, c.dialogId().toString(), event).get(10, TimeUnit.SECONDS);
        }
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
