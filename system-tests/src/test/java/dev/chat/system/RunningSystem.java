package dev.chat.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 *
 * <p>Every service gets the same {@code chat.store} and the Redis URL; the writer and the reader get the
 * database URL only with {@link Store#POSTGRES}, so with Redis they prove they need no database, and with
 * Postgres that they never touch Redis. The gateway always has it (users).
 */
final class RunningSystem implements AutoCloseable {

    /** The dialog store of the whole system: {@code chat.store}. */
    enum Store {
        REDIS, POSTGRES;

        String setting() {
            return "chat.store=" + name().toLowerCase(Locale.ROOT);
        }
    }

    private final Store store;
    private final EmbeddedKafkaKraftBroker kafka;
    private final String redisUri;
    private final List<String> redisSettings;
    private final String databaseUrl;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final List<String> gatewayUrls = new ArrayList<>();
    private String readerUrl;

    private RunningSystem(Store store, String redisUri, List<String> redisSettings) {
        this.store = store;
        this.redisUri = redisUri;
        this.redisSettings = redisSettings;
        kafka = new EmbeddedKafkaKraftBroker(1, 12);
        kafka.afterPropertiesSet();
        databaseUrl = TestPostgres.newDatabase();
    }

    /** One gateway, one writer, one reader, on Redis. */
    static RunningSystem start() {
        return start(Store.REDIS, 1, 1);
    }

    static RunningSystem start(int gateways, int writers) {
        return start(Store.REDIS, gateways, writers);
    }

    static RunningSystem start(Store store, int gateways, int writers) {
        return start(new RunningSystem(store, TestRedis.uri(), List.of()), gateways, writers);
    }

    /**
     * One gateway, one writer, one reader on the Redis Cluster at {@code clusterUri} ({@code chat.redis.cluster=true}),
     * with more {@code chat.redis.*} settings for every service, e.g. {@code "chat.redis.replica-acks=1"}.
     */
    static RunningSystem onRedisCluster(String clusterUri, String... redisSettings) {
        List<String> settings = Stream.concat(Stream.of("chat.redis.cluster=true"), Stream.of(redisSettings)).toList();
        return start(new RunningSystem(Store.REDIS, clusterUri, settings), 1, 1);
    }

    /** Starts the reader first, as ./chat does: with Postgres it then migrates the dialog tables. */
    private static RunningSystem start(RunningSystem system, int gateways, int writers) {
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

    /** JDBC URL (with user and password) of this system's own database. */
    String databaseUrl() {
        return databaseUrl;
    }

    String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    ConfigurableApplicationContext startWriter() {
        return run(WriterApplication.class, WriterApplication.CONFIG_NAME, FreePorts.find(), storeSettings());
    }

    private void startReader() {
        int port = FreePorts.find();
        // the web client, served by gateways on random ports, reads history cross-origin
        run(ReaderApplication.class, ReaderApplication.CONFIG_NAME, port, Stream.concat(Stream.of(storeSettings()),
                Stream.of("chat.reader.cors-allowed-origins=http://127.0.0.1:[*]")).toArray(String[]::new));
        readerUrl = "http://127.0.0.1:" + port;
    }

    private void startGateway() {
        startGateway(FreePorts.find());
    }

    /**
     * One more gateway on {@code port} (chosen beforehand, so that gateways can name each other) with more settings,
     * e.g. {@code chat.web.gateways=…}; closing the returned context stops it as a crash would stop its clients.
     */
    ConfigurableApplicationContext startGateway(int port, String... settings) {
        String[] all = Stream.concat(Stream.of(store.setting(), "spring.datasource.url=" + databaseUrl,
                "chat.web.reader-url=" + readerUrl), Stream.of(settings)).toArray(String[]::new);
        ConfigurableApplicationContext context = run(GatewayApplication.class, GatewayApplication.CONFIG_NAME, port, all);
        gatewayUrls.add("http://127.0.0.1:" + port);
        return context;
    }

    private String[] storeSettings() {
        return store == Store.POSTGRES
                ? new String[] {store.setting(), "spring.datasource.url=" + databaseUrl}
                : new String[] {store.setting()};
    }

    /** The command line of a writer on {@code port}, for one started in a process of its own. */
    String[] writerArguments(int port) {
        return arguments(WriterApplication.CONFIG_NAME, port, storeSettings());
    }

    private ConfigurableApplicationContext run(Class<?> app, String configName, int port, String... extra) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(app).run(arguments(configName, port, extra));
        contexts.add(context);
        return context;
    }

    /** Settings go in as command-line arguments, which outrank the service's own configuration file. */
    private String[] arguments(String configName, int port, String... extra) {
        Stream<String> common = Stream.concat(Stream.of(configName,
                "server.port=" + port,
                "spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "chat.redis.url=" + redisUri), redisSettings.stream());
        return Stream.concat(common, Stream.of(extra)).map(arg -> "--" + arg).toArray(String[]::new);
    }

    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
        kafka.destroy();
    }
}
