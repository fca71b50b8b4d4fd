package dev.chat.reader.system;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How bearer tokens are checked ({@code chat.security.jwt.*}); the gateway mints them with the same values.
 *
 * @param secret HS256 key, at least 32 bytes of UTF-8 (env {@code CHAT_SECURITY_JWT_SECRET})
 * @param issuer the {@code iss} every token must carry
 */
@Validated
@ConfigurationProperties("chat.security.jwt")
record JwtProperties(@NotBlank String secret, @NotBlank String issuer) {

    /** Shared with the gateway so a local stack works out of the box; never for anything reachable. */
    static final String DEV_SECRET = "dev-only-secret-change-me-0123456789abcdef";
}
