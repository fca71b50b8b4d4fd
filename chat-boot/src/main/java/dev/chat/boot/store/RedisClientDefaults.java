package dev.chat.boot.store;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * A quiet Redis Cluster client, as the last property source, so a service's own setting still wins. The binding
 * re-reads the cluster topology every 2 s (a failover shows no redirect), and Lettuce logs a WARN for every node it
 * cannot reach on each of those reads: with one node down, 30 lines a minute per service (measured under
 * {@code ./chat up --cluster} with a replica killed; 0 with this default). A dead primary still shows in the log:
 * Lettuce's reconnect attempts to it log, at most every 30 s once their back-off has grown. A dead replica, which no
 * service connects to while reads go to primaries, then logs nothing: {@code ./chat status} shows it.
 *
 * <p>An environment post-processor, not YAML in each service: logging levels must be in the environment before the
 * logging system starts, which is before any auto-configuration.
 */
public final class RedisClientDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "chat-boot Redis client defaults";

    static final Map<String, Object> DEFAULTS = Map.of(
            "logging.level.io.lettuce.core.cluster.topology.DefaultClusterTopologyRefresh", "ERROR");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ClassLoader classLoader = application == null ? null : application.getClassLoader();
        if (ClassUtils.isPresent("io.lettuce.core.RedisClient", classLoader)
                && !environment.getPropertySources().contains(SOURCE)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, DEFAULTS));
        }
    }
}
