package dev.chat.boot.jwt;

import java.time.Clock;

import javax.crypto.SecretKey;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The system's bearer tokens for every service that verifies them: the {@code chat.security.jwt} properties, the
 * production refusal of the development secret ({@link JwtSecretCheck}), the HS256 {@link SecretKey} (the gateway
 * mints with it too) and a {@link JwtDecoder} that checks signature, issuer, expiry and a user id as subject and
 * remembers tokens it verified ({@link CachingJwtDecoder}). Before Boot's resource-server auto-configuration, which
 * then uses this decoder.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration")
@ConditionalOnClass({NimbusJwtDecoder.class, Caffeine.class})
@EnableConfigurationProperties(JwtProperties.class)
class JwtAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JwtAutoConfiguration.class);

    /** Static: a bean factory post-processor must not wait for this configuration class. */
    @Bean
    static JwtSecretCheck jwtSecretCheck() {
        return new JwtSecretCheck();
    }

    @Bean
    @ConditionalOnMissingBean(SecretKey.class)
    SecretKey jwtKey(JwtProperties properties, Environment environment) {
        if (properties.usesDevelopmentSecret()) {
            log.warn("""

                    ************************************************************************************
                    {}: JWT tokens are signed and checked with the PUBLIC DEVELOPMENT secret. Anyone can
                    forge them. Set chat.security.jwt.secret (env CHAT_SECURITY_JWT_SECRET, at least 32
                    bytes) to the same value in the gateway and the reader before exposing this service.
                    ************************************************************************************""",
                    service(environment));
        }
        return properties.hmacKey();
    }

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder jwtDecoder(SecretKey jwtKey, JwtProperties properties) {
        NimbusJwtDecoder verifier = NimbusJwtDecoder.withSecretKey(jwtKey).macAlgorithm(MacAlgorithm.HS256).build();
        verifier.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(properties.issuer()), new UserTokenValidator()));
        // clients send the same token with every request: verifying it each time was 29 % of the reader's CPU
        return new CachingJwtDecoder(verifier, Clock.systemUTC(), CachingJwtDecoder.DEFAULT_MAX_TOKENS);
    }

    /** The service the messages name. */
    static String service(Environment environment) {
        return environment.getProperty("spring.application.name", "chat service");
    }
}
