package dev.chat.boot.kafka;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * What every service that talks to the broker shares about it, after Boot's Kafka auto-configuration, whose
 * {@link KafkaAdmin} says where the broker is: one {@link KafkaProbe}, the {@code kafka} health component
 * ({@link KafkaHealthIndicator}; Spring Boot 4 ships none) and the reachability report ({@link KafkaReachability},
 * {@code chat.kafka.reachability.*}) that stands in for the clients' own per-attempt log lines.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaAdmin.class)
@ConditionalOnBean(KafkaAdmin.class)
@EnableConfigurationProperties(KafkaReachabilityProperties.class)
class KafkaReachabilityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    KafkaProbe kafkaProbe(KafkaAdmin kafkaAdmin) {
        return new KafkaProbe(kafkaAdmin);
    }

    @Bean
    @ConditionalOnMissingBean
    KafkaReachabilityReporter kafkaReachabilityReporter(KafkaProbe probe, KafkaReachabilityProperties properties,
                                                        ObjectProvider<KafkaBacklog> backlogs,
                                                        ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        KafkaReachability reachability = new KafkaReachability(probe.bootstrap(), properties.reportInterval(),
                () -> waiting(backlogs, listeners));
        return new KafkaReachabilityReporter(probe, reachability, properties.probeInterval(), Clock.systemUTC());
    }

    /** The services' own backlogs, then every running consumer: its group and topics. */
    private static List<String> waiting(ObjectProvider<KafkaBacklog> backlogs,
                                        ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        List<String> parts = new ArrayList<>();
        backlogs.orderedStream().map(KafkaBacklog::describe).forEach(parts::add);
        KafkaListenerEndpointRegistry registry = listeners.getIfAvailable();
        if (registry != null) {
            String consumers = registry.getAllListenerContainers().stream().filter(MessageListenerContainer::isRunning)
                    .map(KafkaReachabilityAutoConfiguration::consumer).sorted().collect(Collectors.joining(", "));
            if (!consumers.isEmpty()) {
                parts.add("consumer groups " + consumers);
            }
        }
        return parts;
    }

    private static String consumer(MessageListenerContainer container) {
        String[] topics = container.getContainerProperties().getTopics();
        String group = container.getGroupId() == null ? container.getListenerId() : container.getGroupId();
        return group + " on " + (topics == null ? "its assigned partitions" : String.join("+", Arrays.asList(topics)));
    }

    /** The bean name makes the component name: {@code kafka}, as the services' readiness groups list it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AbstractHealthIndicator.class)
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
        KafkaHealthIndicator kafkaHealthIndicator(KafkaProbe probe) {
            return new KafkaHealthIndicator(probe);
        }
    }
}
