package dev.chat.gateway;

import dev.chat.testsupport.TestPostgres;
import dev.chat.testsupport.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole gateway on a random port against real servers: embedded Kafka (KRaft), the test Redis 7 with the
 * chat Functions, and its own empty Postgres database. All subclasses share one application context (same
 * configuration), so it starts once per test run; tests use fresh users so they never see each other's data.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        GatewayApplication.CONFIG_NAME,
        "chat.kafka.partitions=" + GatewayIntegrationTest.PARTITIONS,
        "chat.kafka.reply-timeout=PT3S",
        "chat.http.max-body-size=32KB",
})
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(FakeWriter.class)
public abstract class GatewayIntegrationTest {

    static final int PARTITIONS = 3;

    private static final String DATABASE = TestPostgres.newDatabase();

    @LocalServerPort
    protected int port;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    protected TestHttp http;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("chat.redis.url", TestRedis::uri);
    }

    @BeforeEach
    void connect() {
        http = new TestHttp(port);
        // the stand-in writer must own its partitions before a test sends it a command
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer(FakeWriter.LISTENER_ID), PARTITIONS);
    }
}
