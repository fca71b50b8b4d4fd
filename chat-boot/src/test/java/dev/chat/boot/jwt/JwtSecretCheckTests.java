package dev.chat.boot.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Production (profile {@code prod}) refuses the public development secret; development and real secrets start. */
class JwtSecretCheckTests {

    private static final String STRONG_SECRET = "a-real-secret-of-more-than-32-bytes-1234";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JwtAutoConfiguration.class))
            .withPropertyValues("spring.application.name=gateway");

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "reader"})
    void productionRefusesTheDevelopmentDefaultNamingServiceAndProperty(String service) {
        runner.withPropertyValues("spring.profiles.active=prod", "spring.application.name=" + service)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith(service + ": ").hasMessageContaining("'prod'")
                        .hasMessageContaining("chat.security.jwt.secret").hasMessageContaining("CHAT_SECURITY_JWT_SECRET"));
    }

    @Test
    void productionRefusesTheDevelopmentSecretAlsoWhenSetExplicitly() {
        runner.withPropertyValues("spring.profiles.active=prod", "chat.security.jwt.secret=" + JwtProperties.DEV_SECRET)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("public development default"));
    }

    @Test
    void refusesBeforeAnyOtherBeanIsMade() {
        runner.withUserConfiguration(FailingBean.class)
                .withPropertyValues("spring.profiles.active=prod", "chat.security.jwt.secret=" + JwtProperties.DEV_SECRET)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("chat.security.jwt.secret"));
    }

    /** Stands for a database or broker that is not there: the refusal must come first, not this. */
    @Configuration(proxyBeanMethods = false)
    static class FailingBean {
        @Bean
        Object store() {
            throw new IllegalStateException("no store");
        }
    }

    @Test
    void productionStartsWithAStrongSecret() {
        runner.withPropertyValues("spring.profiles.active=prod", "chat.security.jwt.secret=" + STRONG_SECRET)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(JwtSecretCheck.class));
    }

    @Test
    void developmentStartsWithTheDevelopmentDefault() {
        runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(JwtSecretCheck.class));
    }
}
