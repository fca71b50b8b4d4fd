package dev.chat.gateway.system;

import dev.chat.udf.RedisChatSettings;
import dev.chat.udf.RedisChatSettings.ReadPreference;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the dialogs live. The gateway only reads them ({@code get_dialog} via {@code FCALL_RO}); the writer
 * is the only one that writes.
 *
 * @param url     {@code redis://host:port} (for a cluster: any node)
 * @param reads   where read-only function calls go
 * @param cluster whether {@code url} is a Redis Cluster
 */
@Validated
@ConfigurationProperties("chat.redis")
record ChatRedisProperties(@NotBlank @DefaultValue("redis://localhost:6379") String url,
                                  @NotNull @DefaultValue("PRIMARY") ReadPreference reads,
                                  @DefaultValue("false") boolean cluster) {

    RedisChatSettings settings() {
        return new RedisChatSettings(url, reads, cluster);
    }
}
