package dev.chat.writer.system;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chat.common.dialog.DialogStore;
import dev.chat.udf.RedisChat;
import dev.chat.writer.dialog.DialogDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Redis Functions binding: the writer is the only process that writes dialogs and messages. */
@Configuration(proxyBeanMethods = false)
class RedisConfig {

    private static final Logger log = LoggerFactory.getLogger(RedisConfig.class);

    @Bean(destroyMethod = "close")
    RedisChat redisChat(RedisSettings settings) {
        RedisChat chat;
        try {
            chat = RedisChat.connect(settings.toChatSettings());
        } catch (RuntimeException e) {
            // the binding's message names Redis and the URI without credentials
            throw new IllegalStateException("writer: " + e.getMessage(), e);
        }
        try {
            chat.loadFunctions();
        } catch (RuntimeException e) {
            chat.close();
            throw new IllegalStateException("writer: cannot load the chat Redis Functions library: " + e.getMessage(), e);
        }
        log.info("writer uses the chat Redis Functions library {} (cluster={}, reads={})", chat.libraryVersion(),
                settings.cluster(), settings.reads());
        return chat;
    }

    @Bean
    DialogStore dialogStore(RedisChat redisChat) {
        return redisChat.dialogStore();
    }

    @Bean
    DialogDirectory dialogDirectory(DialogStore store, RedisSettings settings) {
        return new DialogDirectory(store, Caffeine.newBuilder().maximumSize(settings.dialogCacheSize()).build());
    }
}
