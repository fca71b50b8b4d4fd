package dev.chat.reader.system;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies the gateway's HS256 tokens: signature, issuer, expiry, and a user id (UUID) as subject; a token already
 * verified is remembered until its expiry ({@link CachingJwtDecoder}).
 */
@Configuration(proxyBeanMethods = false)
class JwtConfig {

    private static final Logger log = LoggerFactory.getLogger(JwtConfig.class);
    /** HS256 needs a key at least as long as its output (RFC 7518 §3.2). */
    private static final int MIN_SECRET_BYTES = 32;

    @Bean
    JwtDecoder jwtDecoder(JwtProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(secretKey(properties.secret()))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(properties.issuer()),
                // without exp a leaked token would work forever; the default validator only checks exp if present
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, JwtConfig::isUuid)));
        // verifying every request's token was 29 % of the reader's CPU under load; clients reuse their token
        return new CachingJwtDecoder(decoder, Clock.systemUTC(), CachingJwtDecoder.DEFAULT_MAX_TOKENS);
    }

    static SecretKey secretKey(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("reader: chat.security.jwt.secret (env CHAT_SECURITY_JWT_SECRET) must be"
                    + " at least " + MIN_SECRET_BYTES + " bytes for HS256, was " + bytes.length);
        }
        if (JwtProperties.DEV_SECRET.equals(secret)) {
            log.warn("""
                    
                    ********************************************************************************
                    * reader: chat.security.jwt.secret (env CHAT_SECURITY_JWT_SECRET) is the       *
                    * PUBLIC DEV DEFAULT. Anyone can mint tokens for any user. Set a real secret   *
                    * (the same one as the gateway) before this service is reachable by anyone.    *
                    ********************************************************************************""");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static boolean isUuid(String subject) {
        if (subject == null) {
            return false;
        }
        try {
            return UUID.fromString(subject).toString().equalsIgnoreCase(subject);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
