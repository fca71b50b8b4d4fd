package dev.chat.boot.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The HS256 tokens of the whole system ({@code chat.security.jwt.*}): the gateway mints them on {@code POST /login},
 * every HTTP service verifies them with the same values, so all must be given the same secret
 * ({@code CHAT_SECURITY_JWT_SECRET}).
 *
 * @param secret shared HMAC key, at least 32 bytes (UTF-8); the development default is allowed but logged loudly,
 *               and refused with Spring profile {@code prod} ({@link JwtSecretCheck})
 * @param issuer the {@code iss} the gateway writes and every service requires
 * @param ttl    how long a token the gateway mints is valid (verifiers read {@code exp} from the token)
 */
@Validated
@ConfigurationProperties("chat.security.jwt")
public record JwtProperties(@DefaultValue(JwtProperties.DEV_SECRET) String secret,
                            @NotBlank @DefaultValue("chat") String issuer,
                            @NotNull @DefaultValue("PT1H") Duration ttl) {

    /** Known to everybody who can read this repository: for local development only. */
    public static final String DEV_SECRET = "dev-only-secret-change-me-0123456789abcdef";

    /** HS256 needs a key of at least the hash size (RFC 7518 §3.2). */
    static final int MIN_SECRET_BYTES = 32;

    public JwtProperties {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("JWT: chat.security.jwt.secret (env CHAT_SECURITY_JWT_SECRET) must be at least "
                    + MIN_SECRET_BYTES + " bytes for HS256");
        }
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("JWT: chat.security.jwt.ttl must be positive, was " + ttl);
        }
    }

    public boolean usesDevelopmentSecret() {
        return DEV_SECRET.equals(secret);
    }

    /** The HS256 key of {@link #secret}. */
    public SecretKey hmacKey() {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}
