package dev.chat.boot.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code chat.store} decides which of a service's store configurations exist. */
class ConditionalOnStoreTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(RedisOnly.class, PostgresOnly.class);

    @Test
    void selectsRedisWhenTheSettingIsAbsent() {
        runner.run(context -> assertThat(context).hasBean("redis").doesNotHaveBean("postgres"));
    }

    @Test
    void selectsPostgresWhenTheSettingNamesIt() {
        runner.withPropertyValues("chat.store=postgres")
                .run(context -> assertThat(context).hasBean("postgres").doesNotHaveBean("redis"));
    }

    @Test
    void refusesAnUnknownStoreNamingTheSettingAndTheValue() {
        runner.withPropertyValues("chat.store=mongodb").run(context -> assertThat(context).hasFailed()
                .getFailure().hasStackTraceContaining("chat.store").hasStackTraceContaining("mongodb"));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnStore(Store.REDIS)
    static class RedisOnly {
        @Bean
        String redis() {
            return "redis";
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PostgresOnly {
        @Bean
        @ConditionalOnStore(Store.POSTGRES)
        String postgres() {
            return "postgres";
        }
    }
}
