package dev.chat.boot.kafka;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the service reports Kafka's reachability ({@code chat.kafka.reachability.*}), instead of the Kafka clients'
 * own line per failed connection attempt, which the services' YAML turns off.
 *
 * @param probeInterval  pause between two probes (a cluster description by the shared admin client)
 * @param reportInterval least time between two "Kafka unreachable" lines of one outage; the first comes at once
 */
@Validated
@ConfigurationProperties("chat.kafka.reachability")
public record KafkaReachabilityProperties(@NotNull @DefaultValue("5s") Duration probeInterval,
                                          @NotNull @DefaultValue("30s") Duration reportInterval) {

    public KafkaReachabilityProperties {
        if (probeInterval != null && (probeInterval.isNegative() || probeInterval.isZero())) {
            throw new IllegalArgumentException("chat.kafka.reachability.probe-interval must be positive, was " + probeInterval);
        }
        if (reportInterval != null && (reportInterval.isNegative() || reportInterval.isZero())) {
            throw new IllegalArgumentException("chat.kafka.reachability.report-interval must be positive, was " + reportInterval);
        }
    }
}
