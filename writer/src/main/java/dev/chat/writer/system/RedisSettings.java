package dev.chat.writer.system;

import dev.chat.udf.RedisChatSettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the dialogs live ({@code chat.redis.*}).
 *
 * @param url            {@code redis://host:port} (for a cluster, any node)
 * @param cluster        Redis Cluster instead of one primary
 * @param reads          where read-only functions go; the writer's only read is the dialog lookup
 * @param dialogCacheSize how many dialogs' metadata the writer keeps in memory (it never changes)
 */
@Validated
@ConfigurationProperties("chat.redis")
record RedisSettings(@NotBlank String url, boolean cluster, @NotNull RedisChatSettings.ReadPreference reads,
                     @Min(1) long dialogCacheSize) {

    RedisChatSettings toChatSettings() {
        return new RedisChatSettings(url, reads, cluster);
    }
}
