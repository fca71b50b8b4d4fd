package dev.chat.boot.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** The cache in front of the real HS256 verifier: it saves work, never lets through what the verifier would not. */
class CachingJwtDecoderTests {

    private static final SecretKey KEY = key("caching-tests-secret-0123456789abcdef-0123456789");

    private final MutableClock clock = new MutableClock(Instant.now());
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder decoder = new CachingJwtDecoder(counting(verifier()), clock, 100);
    private final UUID alice = UUID.randomUUID();

    /** The production verifier, but with the test's clock and no clock-skew allowance. */
    private JwtDecoder verifier() {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder
                .withSecretKey(KEY)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        nimbus.setJwtValidator(timestamps);
        return nimbus;
    }

    private JwtDecoder counting(JwtDecoder verifier) {
        return token -> {
            verifications.incrementAndGet();
            return verifier.decode(token);
        };
    }

    private String tokenValidFor(Duration lifetime) {
        Instant now = clock.instant();
        return mint(KEY, claims -> claims.subject(alice.toString()).issuedAt(now).expiresAt(now.plus(lifetime)));
    }

    @Test
    void verifiesATokenOnceAndServesItFromTheCacheAfterwards() {
        String token = tokenValidFor(Duration.ofMinutes(10));

        Jwt first = decoder.decode(token);
        Jwt second = decoder.decode(token);

        assertThat(second.getSubject()).isEqualTo(alice.toString());
        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aCachedTokenIsRejectedOnceItHasExpired() {
        String token = tokenValidFor(Duration.ofSeconds(30));
        decoder.decode(token);

        clock.advance(Duration.ofSeconds(30)); // exp itself: no longer valid

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aForgedSignatureIsNeverServedFromTheCache() {
        String token = tokenValidFor(Duration.ofMinutes(10));
        decoder.decode(token);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + mint(key("another-secret-0123456789abcdef-0123456789"),
                claims -> claims.subject(alice.toString()).expiresAt(clock.instant().plus(Duration.ofMinutes(10)))).split("\\.")[2];

        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThat(verifications).as("a rejected token is verified again each time, not remembered").hasValue(3);
    }

    @Test
    void changedClaimsUnderAValidSignatureAreRejected() {
        String token = tokenValidFor(Duration.ofMinutes(10));
        decoder.decode(token);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(alice.toString(), UUID.randomUUID().toString());
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThatThrownBy(() -> decoder.decode(tampered)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aTokenAlreadyExpiredIsNotCachedEvenIfTheVerifierAllowsSkew() {
        JwtDecoder lenient = new CachingJwtDecoder(counting(skewTolerant()), clock, 100);
        String token = tokenValidFor(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(20)); // past exp, inside the default 60 s skew

        lenient.decode(token);
        lenient.decode(token);

        assertThat(verifications).hasValue(2);
    }

    private JwtDecoder skewTolerant() {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(KEY).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(60));
        timestamps.setClock(clock);
        nimbus.setJwtValidator(timestamps);
        return nimbus;
    }

    /** HS256 as the gateway mints: issuer {@code chat}, the customizer sets the rest. */
    private static String mint(SecretKey key, Consumer<JwtClaimsSet.Builder> customizer) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer("chat");
        customizer.accept(claims);
        return NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).type("JWT").build(), claims.build()))
                .getTokenValue();
    }

    private static SecretKey key(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
