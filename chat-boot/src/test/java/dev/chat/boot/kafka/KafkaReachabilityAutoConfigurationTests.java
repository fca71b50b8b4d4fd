package dev.chat.boot.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.chat.testsupport.FreePorts;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaAdmin;

/** The {@code kafka} health component and the reachability report exist exactly where a service has a {@link KafkaAdmin}. */
class KafkaReachabilityAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaReachabilityAutoConfiguration.class));

    @Test
    void registersTheKafkaComponentAndTheReachabilityReportForAServiceWithAKafkaAdmin() {
        withAdmin().run(context -> {
            assertThat(context).getBean("kafkaHealthIndicator").isInstanceOf(KafkaHealthIndicator.class);
            assertThat(context).hasSingleBean(KafkaProbe.class).hasSingleBean(KafkaReachabilityReporter.class);
        });
    }

    @Test
    void backsOffWithoutAKafkaAdmin() {
        runner.run(context -> assertThat(context).doesNotHaveBean(KafkaHealthIndicator.class)
                .doesNotHaveBean(KafkaProbe.class).doesNotHaveBean(KafkaReachabilityReporter.class));
    }

    @Test
    void backsOffWithoutSpringKafkaOnTheClassPath() {
        withAdmin().withClassLoader(new FilteredClassLoader(KafkaAdmin.class))
                .run(context -> assertThat(context).doesNotHaveBean(KafkaHealthIndicator.class));
    }

    private ApplicationContextRunner withAdmin() {
        String nowhere = "127.0.0.1:" + FreePorts.find();
        return runner.withBean(KafkaAdmin.class,
                () -> new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, nowhere)));
    }
}
