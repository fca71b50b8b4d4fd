package dev.chat.boot.kafka;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health component {@code kafka}, part of readiness: up while the broker answers a cluster description within
 * {@link KafkaProbe#TIMEOUT}, asked through the service's one {@link KafkaProbe}. Registered by
 * {@link KafkaReachabilityAutoConfiguration}.
 */
final class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final KafkaProbe probe;

    KafkaHealthIndicator(KafkaProbe probe) {
        super("Kafka health check failed");
        this.probe = probe;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        KafkaProbe.Cluster cluster = probe.describe();
        builder.up().withDetail("clusterId", cluster.clusterId()).withDetail("brokers", cluster.brokers());
    }
}
