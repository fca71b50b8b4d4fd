package dev.chat.boot.store;

import java.time.Duration;

import dev.chat.udf.RedisChatSettings;
import dev.chat.udf.RedisChatSettings.ReadPreference;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the dialogs live with {@code chat.store=redis} ({@code chat.redis.*}), the same keys for every service.
 *
 * @param url     {@code redis://host:port}; for a cluster any node's address
 * @param reads   where read-only function calls ({@code FCALL_RO}) go: {@code PRIMARY}, or {@code REPLICA_PREFERRED}
 *                to take read load off the primary at the price of replication lag (reader/README.md, Consistency)
 * @param cluster        true for Redis Cluster
 * @param loadingTimeout how long start-up waits while Redis loads its dataset (answers {@code LOADING}) before it
 *                       gives up; a restarted Redis with a full store can take minutes
 * @param replicaAcks    replicas that must hold a write before it counts as done ({@code WAIT} after each write call;
 *                       the writer commits a batch's offsets only then): 0 (default) for a Redis without replicas; 1 on
 *                       a cluster with a replica per primary, so a failover loses no stored message
 *                       (docs/redis-cluster.md, "Failover")
 * @param replicaAckTimeout how long a write waits for those replicas; then it fails and the writer retries it
 */
@Validated
@ConfigurationProperties("chat.redis")
record ChatRedisProperties(@NotBlank @DefaultValue("redis://localhost:6379") String url,
                           @NotNull @DefaultValue("PRIMARY") ReadPreference reads,
                           @DefaultValue("false") boolean cluster,
                           @NotNull @DefaultValue("PT5M") Duration loadingTimeout,
                           @Min(0) @DefaultValue("0") int replicaAcks,
                           @NotNull @DurationMin(millis = 1) @DefaultValue("PT2S") Duration replicaAckTimeout) {

    RedisChatSettings settings() {
        return new RedisChatSettings(url, reads, cluster, replicaAcks, replicaAckTimeout);
    }
}
