package dev.chat.writer.message;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.chat.boot.kafka.ChatTopics;
import dev.chat.common.command.MessageEvent;
import dev.chat.common.command.MessageEventHeaders;
import dev.chat.writer.system.KafkaSettings;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes events and waits for the broker's acknowledgement (acks=all), so the command's offset is
 * committed only after its event is safe. A poll's events are all sent before the first acknowledgement is
 * awaited: the producer batches them, and the poll waits for about one round trip instead of one per
 * message. The idempotent producer keeps their order per partition, i.e. per dialog, across its retries.
 */
@Component
class KafkaMessageEvents implements MessageEvents {

    private final KafkaTemplate<String, Object> template;
    private final String topic;
    private final long timeoutNanos;

    KafkaMessageEvents(KafkaTemplate<String, Object> template, ChatTopics chat, KafkaSettings settings) {
        this.template = template;
        this.topic = chat.topics().messageEvents();
        this.timeoutNanos = settings.sendTimeout().toNanos();
    }

    @Override
    public void publish(MessageEvent event) {
        publishAll(List.of(event));
    }

    /**
     * Waits at most {@code chat.kafka.send-timeout} for all of them together. If one cannot even be handed to
     * the producer, this throws at once: the results of those sent before it no longer matter, since the
     * caller publishes them all again.
     */
    @Override
    public void publishAll(List<MessageEvent> events) {
        List<CompletableFuture<SendResult<String, Object>>> sent = new ArrayList<>(events.size());
        for (MessageEvent event : events) {
            sent.add(send(event));
        }
        long deadline = System.nanoTime() + timeoutNanos;
        for (int i = 0; i < sent.size(); i++) {
            await(sent.get(i), events.get(i), deadline);
        }
    }

    private CompletableFuture<SendResult<String, Object>> send(MessageEvent event) {
        try {
            return template.send(record(event));
        } catch (RuntimeException e) {
            throw failed(event, e);
        }
    }

    /** Headers name the two users, so gateways where neither is connected skip the event unparsed. */
    private ProducerRecord<String, Object> record(MessageEvent event) {
        ProducerRecord<String, Object> record = new ProducerRecord<>(topic, event.dialogId().toString(), event);
        if (event.authorId() != null) {
            record.headers().add(MessageEventHeaders.AUTHOR, MessageEventHeaders.encode(event.authorId()));
            if (event.recipientId() != null) {
                record.headers().add(MessageEventHeaders.RECIPIENT, MessageEventHeaders.encode(event.recipientId()));
            }
        }
        return record;
    }

    private void await(CompletableFuture<SendResult<String, Object>> result, MessageEvent event, long deadline) {
        try {
            result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(event, e);
        } catch (ExecutionException e) {
            throw failed(event, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw failed(event, e);
        }
    }

    private EventNotPublishedException failed(MessageEvent event, Throwable cause) {
        return new EventNotPublishedException("writer: " + event.type() + " event of message " + event.messageId()
                + " not acknowledged by Kafka topic " + topic, cause);
    }
}
