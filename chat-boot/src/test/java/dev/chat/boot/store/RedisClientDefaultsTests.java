package dev.chat.boot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The Redis client defaults every service gets, and that its own configuration still overrides. */
class RedisClientDefaultsTests {

    private static final String TOPOLOGY_LOGGER = "logging.level.io.lettuce.core.cluster.topology.DefaultClusterTopologyRefresh";

    private final StandardEnvironment environment = new StandardEnvironment();

    @Test
    void quietsTheTopologyRefreshsPerNodeWarnings() {
        new RedisClientDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(TOPOLOGY_LOGGER)).isEqualTo("ERROR");
    }

    @Test
    void leavesTheServicesOwnLevelInPlace() {
        environment.getPropertySources().addFirst(new MapPropertySource("service", Map.of(TOPOLOGY_LOGGER, "WARN")));

        new RedisClientDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(TOPOLOGY_LOGGER)).isEqualTo("WARN");
    }
}
