package dev.chat.boot.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The Kafka client defaults every service gets, and that its own configuration still overrides. */
class KafkaClientDefaultsTests {

    private final StandardEnvironment environment = new StandardEnvironment();

    private void postProcess() {
        new KafkaClientDefaults().postProcessEnvironment(environment, new SpringApplication());
    }

    @Test
    void quietsTheClientsPerAttemptLoggersAndBacksOffReconnectsUpToFiveSeconds() {
        postProcess();

        Map<String, String> levels = Binder.get(environment).bind("logging.level", Bindable.mapOf(String.class, String.class)).get();
        assertThat(levels).containsEntry("org.apache.kafka.clients.NetworkClient", "ERROR")
                .containsEntry("org.apache.kafka.clients.Metadata", "WARN")
                .containsEntry("org.apache.kafka.clients.FetchSessionHandler", "WARN")
                .containsEntry("org.apache.kafka.clients.admin.internals.AdminMetadataManager", "WARN");
        assertThat(clientProperties()).containsEntry("reconnect.backoff.max.ms", "5000");
    }

    @Test
    void leavesTheServicesOwnSettingsInPlaceAndMergesWithTheirClientProperties() {
        environment.getPropertySources().addFirst(new MapPropertySource("service", Map.of(
                "logging.level.org.apache.kafka.clients.NetworkClient", "INFO",
                "spring.kafka.properties.linger.ms", "0")));

        postProcess();

        assertThat(environment.getProperty("logging.level.org.apache.kafka.clients.NetworkClient")).isEqualTo("INFO");
        assertThat(clientProperties()).containsEntry("linger.ms", "0").containsEntry("reconnect.backoff.max.ms", "5000");
    }

    private Map<String, String> clientProperties() {
        return Binder.get(environment).bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class)).get();
    }
}
