package dev.chat.boot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.chat.common.dialog.DialogStore;
import dev.chat.testsupport.FreePorts;
import dev.chat.testsupport.TestRedis;
import dev.chat.udf.RedisChat;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Redis Functions store's wiring ({@code chat.store=redis}, the default), against a real Redis. */
class RedisStoreAutoConfigurationTests {

    private static final String COMPONENT = "dialogStoreHealthIndicator";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("spring.application.name=reader")
            .withConfiguration(AutoConfigurations.of(RedisStoreAutoConfiguration.class,
                    DialogDirectoryAutoConfiguration.class));

    @Test
    void loadsTheLibraryAndServesTheStoreAndTheCachedLookupByDefault() {
        runner.withPropertyValues("chat.redis.url=" + TestRedis.uri()).run(context -> {
            DialogStore store = context.getBean(DialogStore.class);
            UUID alice = UUID.randomUUID();
            UUID bob = UUID.randomUUID();
            var made = store.makeDialog(alice, bob, UUID.randomUUID(), "x").dialog();
            Health health = context.getBean(COMPONENT, HealthIndicator.class).health();

            assertThat(context.getBean(RedisChat.class).functionsLoaded()).isTrue();
            assertThat(context.getBean(DialogDirectory.class).find(bob, alice)).contains(made);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("store", "redis")
                    .containsEntry("library", context.getBean(RedisChat.class).libraryVersion());
        });
    }

    @Test
    void failsStartNamingTheServiceAndRedisWhenRedisIsUnreachable() {
        runner.withPropertyValues("chat.redis.url=redis://127.0.0.1:" + FreePorts.find() + "?timeout=2s")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("reader: ").hasStackTraceContaining("Redis"));
    }

    @Test
    void refusesABlankUrlNamingTheSetting() {
        runner.withPropertyValues("chat.redis.url= ").run(context -> assertThat(context).hasFailed().getFailure()
                .hasStackTraceContaining("chat.redis"));
    }

    @Test
    void doesNotExistWithThePostgresStore() {
        runner.withPropertyValues("chat.store=postgres", "chat.redis.url=redis://127.0.0.1:1")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RedisChat.class)
                        .doesNotHaveBean(COMPONENT));
    }
}
