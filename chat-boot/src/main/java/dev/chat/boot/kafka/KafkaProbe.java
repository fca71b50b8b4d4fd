package dev.chat.boot.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * One long-lived admin client that asks the broker for a cluster description, shared by the health component and
 * the reachability reporter, so a probe costs one request, not a connection. Thread-safe (the admin client is).
 *
 * <p>Its timeouts are {@link #TIMEOUT} and its retry back-off one second whatever the service configures: with
 * Kafka's defaults (30 s, 100 ms) an admin client without a broker keeps about 300 metadata requests pending and
 * rebootstraps for each of them ten times a second ({@code AdminMetadataManager}, kafka-clients 4.1): thousands
 * of "Rebootstrapping" lines a second while the broker is away (5,292 in a gateway test context). With these it is
 * about 3 a second, and the services' YAML keeps even those below its level.
 */
final class KafkaProbe implements DisposableBean {

    static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** The brokers' answer. */
    record Cluster(String clusterId, int brokers) {
    }

    private final Admin admin;
    private final String bootstrap;

    KafkaProbe(KafkaAdmin kafkaAdmin) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG, 1000L);
        config.put(CommonClientConfigs.RETRY_BACKOFF_MAX_MS_CONFIG, 1000L);
        Object servers = config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        this.bootstrap = servers instanceof Collection<?> list ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                : String.valueOf(servers);
        this.admin = Admin.create(config);
    }

    /** Where the probe looks for the brokers, for log lines. */
    String bootstrap() {
        return bootstrap;
    }

    /** Asks the brokers, waiting at most {@link #TIMEOUT} for each part of the answer. */
    Cluster describe() throws InterruptedException, ExecutionException, TimeoutException {
        DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
        String clusterId = cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        int brokers = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
        return new Cluster(clusterId, brokers);
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}
