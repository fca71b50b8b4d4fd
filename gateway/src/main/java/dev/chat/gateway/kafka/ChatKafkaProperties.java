package dev.chat.gateway.kafka;

import java.time.Duration;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's side of Kafka: its consumer groups and how long it waits. The topics are chat-boot's
 * {@link dev.chat.boot.kafka.ChatTopics} (the same {@code chat.kafka.*} prefix); connection, acks and client
 * settings are Spring Boot's {@code spring.kafka.*}.
 *
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
public record ChatKafkaProperties(String replyGroupId,
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
}
