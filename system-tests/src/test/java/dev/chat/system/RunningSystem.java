package dev.chat.system;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.chat.gateway.GatewayApplication;
import dev.chat.reader.ReaderApplication;
import dev.chat.testsupport.FreePorts;
import dev.chat.testsupport.TestPostgres;
import dev.chat.testsupport.TestRedis;
import dev.chat.writer.WriterApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The whole system in one JVM: a real Kafka broker (KRaft, in-process), the embedded Redis 7 and
 * PostgreSQL 17, and the gateway, writer(s) and reader as separate Spring application contexts, each with
 * its own configuration file and port — as close to `./chat up` as a unit test gets.
 */
final class RunningSystem implements AutoCloseable {

    /** Jdbc and Flyway belong to the gateway (users); the writer and reader run without a database. */
    private static final String NO_DATABASE = "spring.autoconfigure.exclude="
            + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
            + "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration,"
            + "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration,"
            + "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration,"
            + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration";

    private final EmbeddedKafkaKraftBroker kafka;
    private final String redisUri;
    private final String databaseUrl;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final List<String> gatewayUrls = new ArrayList<>();
    private String readerUrl;

    private RunningSystem() {
        kafka = new EmbeddedKafkaKraftBroker(1, 12);
        kafka.afterPropertiesSet();
        redisUri = TestRedis.uri();
        databaseUrl = TestPostgres.newDatabase();
    }

    /** One gateway, one writer, one reader. */
    static RunningSystem start() {
        return start(1, 1);
    }

    static RunningSystem start(int gateways, int writers) {
        RunningSystem system = new RunningSystem();
        try {
            system.startReader();
            for (int i = 0; i < writers; i++) {
                system.startWriter();
            }
            for (int i = 0; i < gateways; i++) {
                system.startGateway();
            }
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    String gatewayUrl() {
        return gatewayUrls.get(0);
    }

    List<String> gatewayUrls() {
        return List.copyOf(gatewayUrls);
    }

    String readerUrl() {
        return readerUrl;
    }

    String redisUri() {
        return redisUri;
    }

    String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    ConfigurableApplicationContext startWriter() {
        return run(WriterApplication.class, WriterApplication.CONFIG_NAME, FreePorts.find(), NO_DATABASE);
    }

    private void startReader() {
        int port = FreePorts.find();
        run(ReaderApplication.class, ReaderApplication.CONFIG_NAME, port, NO_DATABASE);
        readerUrl = "http://127.0.0.1:" + port;
    }

    private void startGateway() {
        int port = FreePorts.find();
        run(GatewayApplication.class, GatewayApplication.CONFIG_NAME, port, "spring.datasource.url=" + databaseUrl);
        gatewayUrls.add("http://127.0.0.1:" + port);
    }

    /** Settings go in as command-line arguments, which outrank the service's own configuration file. */
    private ConfigurableApplicationContext run(Class<?> app, String configName, int port, String... extra) {
        Stream<String> common = Stream.of(configName,
                "server.port=" + port,
                "spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "chat.redis.url=" + redisUri);
        String[] args = Stream.concat(common, Stream.of(extra)).map(arg -> "--" + arg).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(app).run(args);
        contexts.add(context);
        return context;
    }

    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
        kafka.destroy();
    }
}
