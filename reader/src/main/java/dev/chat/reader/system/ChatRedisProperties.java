package dev.chat.reader.system;

import dev.chat.udf.RedisChatSettings;
import dev.chat.udf.RedisChatSettings.ReadPreference;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the reader finds Redis ({@code chat.redis.*}).
 *
 * @param url     {@code redis://host:port}; for a cluster any node's address
 * @param reads   where {@code FCALL_RO} reads go: {@code PRIMARY}, or {@code REPLICA_PREFERRED} to take read
 *                load off the primary at the price of replication lag (see reader/README.md, Consistency)
 * @param cluster true for Redis Cluster
 */
@Validated
@ConfigurationProperties("chat.redis")
record ChatRedisProperties(@NotBlank String url, @NotNull ReadPreference reads, boolean cluster) {

    RedisChatSettings settings() {
        return new RedisChatSettings(url, reads, cluster);
    }
}
