package dev.chat.writer.message;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.chat.common.command.MessageEvent;
import dev.chat.writer.system.KafkaSettings;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes events and waits for the broker's acknowledgement (acks=all), so the command's offset is
 * committed only after its event is safe. Waiting costs one round trip per message; it buys
 * "no stored message without its event".
 */
@Component
class KafkaMessageEvents implements MessageEvents {

    private final KafkaTemplate<String, Object> template;
    private final String topic;
    private final long timeoutMillis;

    KafkaMessageEvents(KafkaTemplate<String, Object> template, KafkaSettings settings) {
        this.template = template;
        this.topic = settings.topics().messageEvents();
        this.timeoutMillis = settings.sendTimeout().toMillis();
    }

    @Override
    public void publish(MessageEvent event) {
        try {
            template.send(topic, event.dialogId().toString(), event).get(timeoutMillis, TimeUnit.MILLISECONDS);
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
