package dev.chat.boot.kafka;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Defaults for every service with a Kafka client, as the last property source, so a service's YAML or environment
 * still wins. Without a broker the clients log every failed connection attempt (NetworkClient WARN + INFO), every
 * rebootstrap (Metadata, AdminMetadataManager INFO) and, when the broker went away under a running consumer, every
 * failed fetch with its stack trace (FetchSessionHandler INFO), per client; {@link KafkaReachability}'s report says it instead,
 * at most every {@code chat.kafka.reachability.report-interval}. Each client waits after a failed attempt 50 ms,
 * doubling up to {@code reconnect.backoff.max.ms} (Kafka's default 1 s; here 5 s), so an absent broker costs one
 * attempt per client every ~5 s and a broker that is back is used again within ~6 s (+-20 % jitter).
 *
 * <p>An environment post-processor, not YAML in each service: logging levels must be in the environment before the
 * logging system starts, which is before any auto-configuration.
 */
public final class KafkaClientDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "chat-boot Kafka client defaults";

    static final Map<String, Object> DEFAULTS = Map.of(
            "spring.kafka.properties.reconnect.backoff.max.ms", "5000",
            "logging.level.org.apache.kafka.clients.NetworkClient", "ERROR",
            "logging.level.org.apache.kafka.clients.Metadata", "WARN",
            "logging.level.org.apache.kafka.clients.FetchSessionHandler", "WARN",
            "logging.level.org.apache.kafka.clients.admin.internals.AdminMetadataManager", "WARN");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ClassLoader classLoader = application == null ? null : application.getClassLoader();
        if (ClassUtils.isPresent("org.apache.kafka.clients.NetworkClient", classLoader)
                && !environment.getPropertySources().contains(SOURCE)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, DEFAULTS));
        }
    }
}
