package dev.chat.gateway.live;

import java.util.Collection;

import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Health {@code messageEvents}, the group {@code /actuator/health/websocket}: UP once the fan-out consumers (message
 * events and live signals, {@link LiveSignalListener}) own their partitions. Before that, a WebSocket client that connects misses pushes (the fan-out starts at the end of the
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
        Collection<TopicPartition> events = assigned(MessageEventListener.ID);
        if (events == null) {
            return Health.down().withDetail("reason", "the message-event fan-out has no partitions (yet)").build();
        }
        Collection<TopicPartition> signals = assigned(LiveSignalListener.ID);
        if (signals == null) {
            return Health.down().withDetail("reason", "the live-signal fan-out has no partitions (yet)").build();
        }
        return Health.up().withDetail("partitions", events.size()).withDetail("signalPartitions", signals.size()).build();
    }

    /** The container's partitions, or null while it has none or is not running. */
    private Collection<TopicPartition> assigned(String id) {
        MessageListenerContainer container = listeners.getListenerContainer(id);
        Collection<TopicPartition> assigned = container == null ? null : container.getAssignedPartitions();
        return container == null || !container.isRunning() || assigned == null || assigned.isEmpty() ? null : assigned;
    }
}
