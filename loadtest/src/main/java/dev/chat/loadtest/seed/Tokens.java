package dev.chat.loadtest.seed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Bearer tokens as the gateway's {@code POST /login} mints them (HS256 over {@code chat.security.jwt.secret},
 * issuer {@code chat}, subject = user id), but valid for 30 days: the load test must not log in during the run.
 */
final class Tokens {

    static final Duration LIFETIME = Duration.ofDays(30);

    private final JwtEncoder encoder;
    private final Instant issuedAt = Instant.now();

    Tokens(String secret) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new IllegalArgumentException("seed: CHAT_SECURITY_JWT_SECRET must be at least 32 bytes for HS256");
        }
        this.encoder = NimbusJwtEncoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256")).algorithm(MacAlgorithm.HS256).build();
    }

    String mint(UUID user) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("chat")
                .subject(user.toString())
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(LIFETIME))
                .id(UUID.randomUUID().toString())
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
