package dev.chat.gateway.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The HS256 key and lifetime of the tokens {@code POST /login} issues. The reader verifies the same tokens
 * with the same property names and the same development default, so both services must be given the same
 * secret ({@code CHAT_SECURITY_JWT_SECRET}).
 *
 * @param secret shared HMAC key, at least 32 bytes (UTF-8); the development default is allowed but logged loudly
 * @param ttl    how long a token is valid
 */
@Validated
@ConfigurationProperties("chat.security.jwt")
public record JwtProperties(@DefaultValue(JwtProperties.DEV_SECRET) String secret,
                            @NotNull @DefaultValue("PT1H") Duration ttl) {

    /** Known to everybody who can read this repository: for local development only. */
    public static final String DEV_SECRET = "dev-only-secret-change-me-0123456789abcdef";

    public static final String ISSUER = "chat";

    /** HS256 needs a key of at least the hash size (RFC 7518 §3.2). */
    static final int MIN_SECRET_BYTES = 32;

    public JwtProperties {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("gateway JWT: chat.security.jwt.secret (env CHAT_SECURITY_JWT_SECRET) must be at least "
                    + MIN_SECRET_BYTES + " bytes for HS256");
        }
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("gateway JWT: chat.security.jwt.ttl must be positive, was " + ttl);
        }
    }

    public boolean usesDevelopmentSecret() {
        return DEV_SECRET.equals(secret);
    }

    byte[] secretBytes() {
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
