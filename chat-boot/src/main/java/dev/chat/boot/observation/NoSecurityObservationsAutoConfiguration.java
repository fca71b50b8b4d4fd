package dev.chat.boot.observation;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No Spring Security observations: with this setting Spring Security neither wraps the filter chain in its
 * per-filter observation decorator nor the authentication and authorization managers, so a request pays nothing
 * for timers and spans nobody reads (Micrometer was 14 % of the reader's CPU under load). {@code http.server.requests}
 * (Spring MVC's own observation) is not affected. A service that wants them declares its own settings bean.
 */
@AutoConfiguration
@ConditionalOnClass(SecurityObservationSettings.class)
class NoSecurityObservationsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
