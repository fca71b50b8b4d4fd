package dev.chat.writer.system;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chat.common.dialog.DialogStore;
import dev.chat.writer.dialog.DialogDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cached dialog lookups, over whichever store {@code chat.store} selects. */
@Configuration(proxyBeanMethods = false)
class DialogDirectoryConfig {

    /** The cache size keeps its original key, {@code chat.redis.dialog-cache-size}, for both stores. */
    @Bean
    DialogDirectory dialogDirectory(DialogStore store, RedisSettings settings) {
        return new DialogDirectory(store, Caffeine.newBuilder().maximumSize(settings.dialogCacheSize()).build());
    }
}
