package dev.chat.boot.kafka;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Defaults for every service with a Kafka client, as the last property source, so a service's YAML or environment
 * still wins: the system's topic names and sizes ({@link ChatTopics}), and quiet clients. Without a broker the clients log every failed connection attempt (NetworkClient WARN + INFO), every
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

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            // the system's topics (ChatTopics): here, not in the record, so the listeners' placeholders see them
            Map.entry("chat.kafka.topics.message-commands", "chat.message-commands"),
            Map.entry("chat.kafka.topics.message-events", "chat.message-events"),
            Map.entry("chat.kafka.topics.dialog-commands", "chat.dialog-commands"),
            Map.entry("chat.kafka.topics.dialog-replies", "chat.dialog-replies"),
            Map.entry("chat.kafka.topics.read-commands", "chat.read-commands"),
            Map.entry("chat.kafka.topics.live-signals", "chat.live-signals"),
            Map.entry("chat.kafka.partitions", "12"),
            Map.entry("chat.kafka.replicas", "1"),
            Map.entry("spring.kafka.properties.reconnect.backoff.max.ms", "5000"),
            Map.entry("logging.level.org.apache.kafka.clients.NetworkClient", "ERROR"),
            Map.entry("logging.level.org.apache.kafka.clients.Metadata", "WARN"),
            Map.entry("logging.level.org.apache.kafka.clients.FetchSessionHandler", "WARN"),
            Map.entry("logging.level.org.apache.kafka.clients.admin.internals.AdminMetadataManager", "WARN"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ClassLoader classLoader = application == null ? null : application.getClassLoader();
        if (ClassUtils.isPresent("org.apache.kafka.clients.NetworkClient", classLoader)
                && !environment.getPropertySources().contains(SOURCE)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, DEFAULTS));
        }
    }
}
