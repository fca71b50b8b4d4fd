package dev.chat.boot.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** What a service gets by depending on chat-boot: the shared key and a caching decoder that takes only our tokens. */
class JwtAutoConfigurationTests {

    private static final String SECRET = "boot-tests-secret-0123456789abcdef-0123456789";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JwtAutoConfiguration.class))
            .withPropertyValues("spring.application.name=reader", "chat.security.jwt.secret=" + SECRET);

    @Test
    void acceptsATokenSignedWithTheSharedKeyAndVerifiesItOnce() {
        runner.run(context -> {
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            UUID alice = UUID.randomUUID();
            String token = mint(context.getBean(SecretKey.class), claims -> claims.subject(alice.toString()));

            Jwt first = decoder.decode(token);

            assertThat(first.getSubject()).isEqualTo(alice.toString());
            assertThat(decoder).isInstanceOf(CachingJwtDecoder.class);
            assertThat(decoder.decode(token)).as("served from the cache").isSameAs(first);
        });
    }

    @Test
    void rejectsAnotherIssuerAMissingExpiryAndASubjectThatIsNotAUserId() {
        runner.run(context -> {
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            SecretKey key = context.getBean(SecretKey.class);
            String user = UUID.randomUUID().toString();

            assertRejected(decoder, mint(key, c -> c.subject(user).issuer("someone-else")), "iss");
            assertRejected(decoder, mint(key, c -> c.subject(user).claims(claims -> claims.remove("exp"))),
                    "the token has no expiry (exp)");
            assertRejected(decoder, mint(key, c -> c.subject("admin")), "the token's subject is not a user id");
            assertRejected(decoder, mint(key, c -> c.subject("1-1-1-1-1")), "the token's subject is not a user id");
        });
    }

    @Test
    void theIssuerIsAProperty() {
        runner.withPropertyValues("chat.security.jwt.issuer=chat-staging").run(context -> {
            SecretKey key = context.getBean(SecretKey.class);
            String user = UUID.randomUUID().toString();

            assertThat(context.getBean(JwtDecoder.class).decode(mint(key, c -> c.subject(user).issuer("chat-staging")))
                    .getSubject()).isEqualTo(user);
            assertRejected(context.getBean(JwtDecoder.class), mint(key, c -> c.subject(user)), "iss");
        });
    }

    @Test
    void aServicesOwnDecoderWins() {
        runner.withUserConfiguration(OwnDecoder.class)
                .run(context -> assertThat(context).getBean(JwtDecoder.class).isSameAs(OwnDecoder.DECODER));
    }

    @Test
    void backsOffWithoutSpringSecuritysJoseSupport() {
        runner.withClassLoader(new FilteredClassLoader(NimbusJwtDecoder.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(JwtDecoder.class)
                        .doesNotHaveBean(JwtProperties.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDecoder {
        static final JwtDecoder DECODER = token -> {
            throw new UnsupportedOperationException();
        };

        @Bean
        JwtDecoder ownDecoder() {
            return DECODER;
        }
    }

    private static void assertRejected(JwtDecoder decoder, String token, String description) {
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .satisfies(e -> assertThat(((JwtValidationException) e).getErrors())
                        .anySatisfy(error -> assertThat(error.getDescription()).contains(description)));
    }

    /** As the gateway mints: HS256, issuer {@code chat}, ten minutes; the customizer changes the rest. */
    private static String mint(SecretKey key, Consumer<JwtClaimsSet.Builder> customizer) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer("chat").issuedAt(now).expiresAt(now.plusSeconds(600));
        customizer.accept(claims);
        return NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).type("JWT").build(), claims.build()))
                .getTokenValue();
    }
}
