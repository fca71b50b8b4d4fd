package dev.chat.boot.store;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chat.common.dialog.DialogStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The cached dialog lookup ({@link DialogDirectory}) over the service's {@link DialogStore}, whichever it is. */
@AutoConfiguration(after = {RedisStoreAutoConfiguration.class, PostgresStoreAutoConfiguration.class})
@ConditionalOnClass(Caffeine.class)
@EnableConfigurationProperties(ChatDialogsProperties.class)
class DialogDirectoryAutoConfiguration {

    @Bean
    @ConditionalOnBean(DialogStore.class)
    @ConditionalOnMissingBean
    DialogDirectory dialogDirectory(DialogStore store, ChatDialogsProperties properties) {
        return new DialogDirectory(store, properties.cacheSize());
    }
}
