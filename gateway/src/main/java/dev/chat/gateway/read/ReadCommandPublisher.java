package dev.chat.gateway.read;

import dev.chat.boot.kafka.KafkaBacklog;
import dev.chat.common.command.ReadCommand;
import dev.chat.gateway.http.HttpProperties;
import dev.chat.gateway.kafka.AcknowledgedPublisher;
import dev.chat.gateway.kafka.ChatKafkaProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands read commands to Kafka keyed by dialog id and waits for the acknowledgement ({@link AcknowledgedPublisher}:
 * the guarantees, the logging while Kafka is away), so a 202 means Kafka has it;
 * {@code chat.gateway.reads{outcome=accepted|unavailable}} counts them.
 */
@Component
class ReadCommandPublisher implements KafkaBacklog {

    static final String READS = "chat.gateway.reads";

    private final AcknowledgedPublisher<ReadCommand> publisher;

    ReadCommandPublisher(KafkaTemplate<String, ReadCommand> readCommandTemplate, ChatKafkaProperties kafka,
                         HttpProperties http, MeterRegistry meters) {
        this.publisher = new AcknowledgedPublisher<>(readCommandTemplate, "read marker", READS,
                "read markers set over HTTP or WebSocket, by outcome", kafka, http, meters);
    }

    /**
     * Publishes and waits at most {@code chat.kafka.send-timeout} for the broker's acknowledgement.
     *
     * @throws org.springframework.web.ErrorResponseException 503 when Kafka did not acknowledge in time or refused
     */
    void publish(ReadCommand command) {
        publisher.awaitAck(publisher.publish(command.dialogId().toString(), command),
                () -> "read up to " + command.messageId() + " in dialog " + command.dialogId(),
                "the read marker was not set, retry later");
    }

    @Override
    public String describe() {
        return "read markers: " + publisher.backlog();
    }
}
