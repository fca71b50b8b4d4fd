package dev.chat.boot.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/** What a servlet service gets for its resource server: the resolver bean and an event-free authentication manager. */
class BearerAuthenticationAutoConfigurationTests {

    static final String SECRET = "bearer-tests-secret-0123456789abcdef-0123456789";

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JwtAutoConfiguration.class, BearerAuthenticationAutoConfiguration.class))
            .withPropertyValues("spring.application.name=reader", "chat.security.jwt.secret=" + SECRET);

    @Test
    void resolvesHeadersWithoutARegexAndAuthenticatesTokensOfTheSharedKeyByTheirSubject() {
        runner.run(context -> {
            String alice = UUID.randomUUID().toString();
            BearerTokenAuthenticationToken request = new BearerTokenAuthenticationToken(mint(SECRET, alice));
            request.setDetails("the request's details");

            Authentication authentication = context.getBean(BearerAuthentication.class).authenticationManager()
                    .authenticate(request);

            assertThat(context.getBean(BearerTokenResolver.class)).isInstanceOf(AuthorizationHeaderTokenResolver.class);
            assertThat(authentication).isInstanceOf(JwtAuthenticationToken.class);
            assertThat(authentication.getName()).isEqualTo(alice);
            assertThat(authentication.getDetails()).isEqualTo("the request's details");
        });
    }

    @Test
    void rejectsATokenSignedWithAnotherKeyAsAnInvalidBearerToken() {
        runner.run(context -> {
            String forged = mint("another-secret-0123456789abcdef-0123456789", UUID.randomUUID().toString());

            assertThatThrownBy(() -> context.getBean(BearerAuthentication.class).authenticationManager()
                    .authenticate(new BearerTokenAuthenticationToken(forged)))
                    .isInstanceOf(InvalidBearerTokenException.class);
        });
    }

    @Test
    void publishesNoAuthenticationEventsForAcceptedOrRejectedTokens() {
        runner.withUserConfiguration(EventRecorder.class).run(context -> {
            var manager = context.getBean(BearerAuthentication.class).authenticationManager();

            manager.authenticate(new BearerTokenAuthenticationToken(mint(SECRET, UUID.randomUUID().toString())));
            assertThatThrownBy(() -> manager.authenticate(new BearerTokenAuthenticationToken("not-a-jwt")))
                    .isInstanceOf(InvalidBearerTokenException.class);

            assertThat(context.getBean(EventRecorder.class).events).isEmpty();
        });
    }

    @Test
    void aServicesOwnResolverWins() {
        runner.withBean("ownResolver", BearerTokenResolver.class, () -> request -> null)
                .run(context -> assertThat(context).getBean(BearerTokenResolver.class)
                        .isNotInstanceOf(AuthorizationHeaderTokenResolver.class));
    }

    @Test
    void backsOffOutsideServletApplicationsAndWithoutTheResourceServer() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JwtAutoConfiguration.class, BearerAuthenticationAutoConfiguration.class))
                .withPropertyValues("chat.security.jwt.secret=" + SECRET)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(BearerTokenResolver.class)
                        .doesNotHaveBean(BearerAuthentication.class));
        runner.withClassLoader(new FilteredClassLoader(BearerTokenResolver.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(BearerAuthentication.class));
    }

    /** Counts what Spring Security's default publisher would have sent. */
    @Configuration(proxyBeanMethods = false)
    static class EventRecorder implements ApplicationListener<AbstractAuthenticationEvent> {
        final List<AbstractAuthenticationEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onApplicationEvent(AbstractAuthenticationEvent event) {
            events.add(event);
        }
    }

    /** As the gateway mints: HS256, issuer {@code chat}, ten minutes. */
    static String mint(String secret, String subject) {
        SecretKey key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("chat").subject(subject).issuedAt(now)
                .expiresAt(now.plusSeconds(600)).build();
        return NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).type("JWT").build(), claims))
                .getTokenValue();
    }
}
