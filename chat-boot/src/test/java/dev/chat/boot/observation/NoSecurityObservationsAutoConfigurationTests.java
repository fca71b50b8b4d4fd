package dev.chat.boot.observation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/** The settings bean that keeps Spring Security from observing; the effect on requests is in the services' tests. */
class NoSecurityObservationsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(NoSecurityObservationsAutoConfiguration.class));

    @Test
    void observesNeitherRequestsNorAuthenticationsNorAuthorizations() {
        runner.run(context -> {
            SecurityObservationSettings settings = context.getBean(SecurityObservationSettings.class);

            assertThat(settings.shouldObserveRequests()).isFalse();
            assertThat(settings.shouldObserveAuthentications()).isFalse();
            assertThat(settings.shouldObserveAuthorizations()).isFalse();
        });
    }

    @Test
    void aServicesOwnSettingsWin() {
        runner.withUserConfiguration(Observed.class)
                .run(context -> assertThat(context.getBean(SecurityObservationSettings.class).shouldObserveRequests()).isTrue());
    }

    @Configuration(proxyBeanMethods = false)
    static class Observed {
        @Bean
        SecurityObservationSettings observeEverything() {
            return SecurityObservationSettings.withDefaults().shouldObserveRequests(true).build();
        }
    }
}
