package dev.chat.gateway.message;

import java.util.concurrent.CompletableFuture;

import dev.chat.boot.kafka.KafkaBacklog;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.gateway.http.HttpProperties;
import dev.chat.gateway.kafka.AcknowledgedPublisher;
import dev.chat.gateway.kafka.ChatKafkaProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands send commands to Kafka keyed by dialog id, so one dialog's messages stay in acceptance order, and waits for the
 * acknowledgement ({@link AcknowledgedPublisher}: the guarantees, the logging while Kafka is away, the counter
 * {@code chat.gateway.messages{outcome}}). Split into {@link #publish} and {@link #awaitAck} so that a caller can
 * start the publication before it waits ({@link ClientIdRegistry}).
 */
@Component
class CommandPublisher implements KafkaBacklog {

    /** Sends by outcome: accepted (Kafka acknowledged) or unavailable (503); 4xx rejections are http.server.requests. */
    static final String MESSAGES = "chat.gateway.messages";

    private final AcknowledgedPublisher<SendMessageCommand> publisher;

    CommandPublisher(KafkaTemplate<String, SendMessageCommand> messageCommandTemplate, ChatKafkaProperties kafka,
                     HttpProperties http, MeterRegistry meters) {
        this.publisher = new AcknowledgedPublisher<>(messageCommandTemplate, "message", MESSAGES,
                "messages sent over HTTP or WebSocket, by outcome", kafka, http, meters);
    }

    /** Starts publishing; the future fails instead of throwing, also when the producer refuses at once. */
    CompletableFuture<?> publish(SendMessageCommand command) {
        return publisher.publish(command.dialogId().toString(), command);
    }

    /**
     * Waits for the broker's acknowledgement of a {@link #publish} future.
     *
     * @throws org.springframework.web.ErrorResponseException 503 when Kafka did not acknowledge in time or refused
     */
    void awaitAck(CompletableFuture<?> publication, SendMessageCommand command) {
        publisher.awaitAck(publication, () -> "message " + command.messageId() + " of dialog " + command.dialogId(),
                "the message was not accepted, retry later"
                        + (command.clientId() == null ? "" : " (a retry with the same client_id cannot duplicate it)"));
    }

    @Override
    public String describe() {
        return "sends: " + publisher.backlog();
    }
}
