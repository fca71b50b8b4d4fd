package dev.chat.gateway.kafka;

import java.time.Duration;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Our side of Kafka: topic names and sizes, and how long the gateway waits. Connection, acks and client
 * settings are Spring Boot's {@code spring.kafka.*}.
 *
 * @param topics            topic names, shared with the writer
 * @param partitions        partitions of every topic the gateway declares
 * @param replicas          replicas of every topic the gateway declares (1 for a single dev broker)
 * @param replyGroupId      consumer group of this instance's reply container; must differ per gateway instance
 *                          because every instance reads the whole shared reply topic (blank: a random one)
 * @param eventsGroupId     consumer group of this instance's message-event fan-out; must differ per gateway instance
 *                          because every instance pushes every event to its own WebSocket sessions (blank: a random one)
 * @param replyTimeout      how long a dialog creation waits for the writer's reply before answering 503
 * @param sendTimeout       how long a send waits for the broker's acknowledgement before answering 503; keep it
 *                          above the producer's {@code delivery.timeout.ms} so Kafka's own verdict comes first
 */
@Validated
@ConfigurationProperties("chat.kafka")
public record ChatKafkaProperties(@Valid @NotNull @DefaultValue Topics topics,
                              @Min(1) @DefaultValue("12") int partitions,
                              @Min(1) @DefaultValue("1") short replicas,
                              String replyGroupId,
                              String eventsGroupId,
                              @NotNull @DefaultValue("PT5S") Duration replyTimeout,
                              @NotNull @DefaultValue("PT10S") Duration sendTimeout) {

    public ChatKafkaProperties {
        if (replyGroupId == null || replyGroupId.isBlank()) {
            replyGroupId = "gateway-replies-" + UUID.randomUUID();
        }
        if (eventsGroupId == null || eventsGroupId.isBlank()) {
            eventsGroupId = "gateway-events-" + UUID.randomUUID();
        }
    }

    public record Topics(@NotBlank @DefaultValue("chat.message-commands") String messageCommands,
                         @NotBlank @DefaultValue("chat.dialog-commands") String dialogCommands,
                         @NotBlank @DefaultValue("chat.dialog-replies") String dialogReplies,
                         @NotBlank @DefaultValue("chat.message-events") String messageEvents) {
    }
}
