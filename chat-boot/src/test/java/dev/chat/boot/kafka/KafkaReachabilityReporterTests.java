package dev.chat.boot.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.chat.testsupport.FreePorts;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The auto-configured reporter against a real broker that is first missing, then answers on the bootstrap address
 * (through a {@link TcpForwarder}: the embedded KRaft broker cannot be given a port).
 */
class KafkaReachabilityReporterTests {

    @RegisterExtension
    final ReportLines lines = new ReportLines();

    @Test
    void saysOnceThatKafkaIsUnreachableAndOnceThatItIsReachableAgainWhenTheBrokerStarts() {
        int port = FreePorts.find();
        String bootstrap = "127.0.0.1:" + port;
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaReachabilityAutoConfiguration.class))
                .withBean(KafkaAdmin.class, () -> new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)))
                .withBean(KafkaBacklog.class, () -> () -> "sends: 1 awaiting Kafka's acknowledgement")
                .withPropertyValues("chat.kafka.reachability.probe-interval=100ms", "chat.kafka.reachability.report-interval=1h")
                .run(context -> {
                    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> count("Kafka unreachable") == 1);
                    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
                    broker.afterPropertiesSet();
                    String[] brokerAddress = broker.getBrokersAsString().split(":");
                    try (TcpForwarder bootstrapAnswers = TcpForwarder.start(port, brokerAddress[0], Integer.parseInt(brokerAddress[1]))) {
                        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> count("Kafka reachable again") == 1);
                    } finally {
                        broker.destroy();
                    }
                });

        assertThat(messages()).as("one report per outage within the report interval").hasSize(2);
        assertThat(messages().get(0)).startsWith("Kafka unreachable at " + bootstrap)
                .contains("waiting: sends: 1 awaiting Kafka's acknowledgement");
        assertThat(messages().get(1)).startsWith("Kafka reachable again at " + bootstrap);
    }

    private long count(String prefix) {
        return messages().stream().filter(line -> line.startsWith(prefix)).count();
    }

    private List<String> messages() {
        return lines.events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
