package dev.chat.gateway.live;

import java.util.Collection;

import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Health {@code messageEvents}, the group {@code /actuator/health/websocket}: UP once the fan-out consumer owns its
 * partitions. Before that, a WebSocket client that connects misses pushes (the fan-out starts at the end of the
 * topic) until it reconnects and catches up. Not in the readiness group, so HTTP traffic does not wait for Kafka's
 * group join; whatever routes WebSockets to this instance checks the {@code websocket} group (docs/fanout.md).
 */
@Component("messageEventsHealthIndicator")
class MessageEventsHealthIndicator implements HealthIndicator {

    private final KafkaListenerEndpointRegistry listeners;

    MessageEventsHealthIndicator(KafkaListenerEndpointRegistry listeners) {
        this.listeners = listeners;
    }

    @Override
    public Health health() {
        MessageListenerContainer container = listeners.getListenerContainer(MessageEventListener.ID);
        Collection<TopicPartition> assigned = container == null ? null : container.getAssignedPartitions();
        if (container == null || !container.isRunning() || assigned == null || assigned.isEmpty()) {
            return Health.down().withDetail("reason", "the message-event fan-out has no partitions (yet)").build();
        }
        return Health.up().withDetail("partitions", assigned.size()).build();
    }
}
