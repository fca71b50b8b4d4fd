package dev.chat.reader.system;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * CORS for the web client: GETs with an {@code Authorization} header from {@code chat.reader.cors-allowed-origins}.
 * No cookies are involved (credentials stay off), the bearer token is what authorizes; the security chain answers
 * preflights before authentication.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfig {

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties cors) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOriginPatterns(cors.corsAllowedOrigins());
        config.setAllowedMethods(List.of("GET"));
        config.setAllowedHeaders(List.of("Authorization"));
        config.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", config);
        source.registerCorsConfiguration("/dialog/**", config);
        return source;
    }
}
