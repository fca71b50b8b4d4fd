package dev.chat.boot.store;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Which {@link dev.chat.common.dialog.DialogStore} the whole system uses: {@code chat.store} (environment
 * {@code CHAT_STORE}), {@code redis} (Redis Functions, the default) or {@code postgres} (the SQL baseline). The
 * writer, the reader and the gateway each read it; ./chat sets it for all three.
 *
 * <p>It decides which configuration classes exist at all ({@link ConditionalOnStore}), so it is read while the
 * configuration is parsed, before any bean, by the same {@link Binder} a {@code @ConfigurationProperties} record
 * would use. An unknown value fails start-up there, with Spring Boot's report naming {@code chat.store}, its
 * origin and the valid values.
 */
public enum Store {

    REDIS, POSTGRES;

    static final String PROPERTY = "chat.store";

    static Store selected(Environment environment) {
        return Binder.get(environment).bind(PROPERTY, Store.class).orElse(REDIS);
    }

    /** Start-up failures of the store wiring name the service they stop: its {@code spring.application.name}. */
    static String service(Environment environment) {
        return environment.getProperty("spring.application.name", "chat");
    }
}
