package dev.chat.boot.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.chat.testsupport.FreePorts;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

class KafkaHealthIndicatorTests {

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void isUpWithTheClusterIdWhileTheBrokerAnswers() throws Exception {
        KafkaProbe probe = probe(broker.getBrokersAsString());
        try {
            Health health = new KafkaHealthIndicator(probe).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsKey("clusterId").containsEntry("brokers", 1);
        } finally {
            probe.destroy();
        }
    }

    @Test
    void isDownWhenNoBrokerListens() throws Exception {
        KafkaProbe probe = probe("127.0.0.1:" + FreePorts.find());
        try {
            assertThat(new KafkaHealthIndicator(probe).health(true).getStatus()).isEqualTo(Status.DOWN);
        } finally {
            probe.destroy();
        }
    }

    private static KafkaProbe probe(String bootstrap) {
        return new KafkaProbe(new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)));
    }
}
