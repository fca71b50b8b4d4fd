package dev.chat.reader.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Bearer tokens for tests, minted the way the gateway mints them (HS256 via {@link NimbusJwtEncoder}). */
public final class TestTokens {

    /** The secret the test application context verifies with (not the dev default, to prove the property is used). */
    public static final String SECRET = "reader-tests-secret-0123456789abcdef-0123456789";

    private TestTokens() {
    }

    /** A valid token for the user, good for ten minutes. */
    public static String forUser(UUID user) {
        return mint(SECRET, claims -> claims.subject(user.toString()));
    }

    /** Expired well beyond the decoder's clock-skew allowance (60 s). */
    public static String expired(UUID user) {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        return mint(SECRET, claims -> claims.subject(user.toString()).issuedAt(past.minusSeconds(600)).expiresAt(past));
    }

    public static String signedWith(String secret, UUID user) {
        return mint(secret, claims -> claims.subject(user.toString()));
    }

    /** Valid except for whatever the customizer changes. */
    public static String with(Consumer<JwtClaimsSet.Builder> customizer) {
        return mint(SECRET, customizer);
    }

    private static String mint(String secret, Consumer<JwtClaimsSet.Builder> customizer) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer("chat")
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(10)));
        customizer.accept(claims);
        NimbusJwtEncoder encoder = NimbusJwtEncoder
                .withSecretKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .algorithm(MacAlgorithm.HS256)
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
