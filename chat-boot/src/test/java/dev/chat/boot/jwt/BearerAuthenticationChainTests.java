package dev.chat.boot.jwt;

import static dev.chat.boot.jwt.BearerAuthenticationAutoConfigurationTests.SECRET;
import static dev.chat.boot.jwt.BearerAuthenticationAutoConfigurationTests.mint;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A security chain configured as the services' (stateless resource server, every request authenticated) answers
 * every request as the same chain with Spring Security's defaults does, reads the header through chat-boot's
 * resolver, which {@code oauth2ResourceServer()} finds by type, and publishes no authentication events.
 */
class BearerAuthenticationChainTests {

    private static final String ALICE = UUID.randomUUID().toString();
    private static final String TOKEN = mint(SECRET, ALICE);
    private static final String FORGED = mint("another-secret-0123456789abcdef-0123456789", ALICE);

    /** Header, query string. */
    private static final List<String[]> REQUESTS = List.of(
            new String[] {"Bearer " + TOKEN, null}, new String[] {"bearer " + TOKEN, null},
            new String[] {"BEARER " + TOKEN, null}, new String[] {"Bearer  " + TOKEN, null},
            new String[] {"Bearer " + TOKEN + "!", null}, new String[] {"Bearer ", null},
            new String[] {"Bearer " + FORGED, null}, new String[] {"Bearer not-a-jwt", null},
            new String[] {"Basic dXNlcjpwYXNz", null}, new String[] {null, null},
            new String[] {null, "access_token=" + TOKEN});

    private final WebApplicationContextRunner springDefaults = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JwtAutoConfiguration.class))
            .withPropertyValues("chat.security.jwt.secret=" + SECRET)
            .withBean(Recorders.class);
    private final WebApplicationContextRunner chatBoot = springDefaults
            .withConfiguration(AutoConfigurations.of(BearerAuthenticationAutoConfiguration.class));

    @Test
    void answersEveryRequestAsSpringSecuritysDefaultsDoWithoutAnAuthenticationEvent() {
        List<Outcome> defaults = new ArrayList<>();
        springDefaults.withUserConfiguration(DefaultChain.class).run(context -> {
            REQUESTS.forEach(request -> defaults.add(send(context, request[0], request[1])));
            assertThat(context.getBean(Recorders.class).events).as("the default manager's events").isNotEmpty();
        });
        chatBoot.withUserConfiguration(ChatBootChain.class).run(context -> {
            for (int i = 0; i < REQUESTS.size(); i++) {
                String[] request = REQUESTS.get(i);
                assertThat(send(context, request[0], request[1])).as("%s ?%s", request[0], request[1])
                        .isEqualTo(defaults.get(i));
            }
            assertThat(context.getBean(Recorders.class).resolverCalls).hasPositiveValue();
            assertThat(context.getBean(Recorders.class).events).isEmpty();
        });
        assertThat(defaults.get(0)).isEqualTo(new Outcome(200, null, ALICE, List.of("FACTOR_BEARER"), true));
        assertThat(defaults.get(3).status()).isEqualTo(401);
        assertThat(defaults.get(3).wwwAuthenticate()).contains("invalid_token", "Bearer token is malformed");
    }

    private record Outcome(int status, String wwwAuthenticate, String name, List<String> authorities,
                           boolean hasDetails) {
    }

    private static Outcome send(AssertableWebApplicationContext context, String header, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/dialog/" + UUID.randomUUID() + "/list");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        if (query != null) {
            request.setQueryString(query);
            request.setParameter(query.substring(0, query.indexOf('=')), query.substring(query.indexOf('=') + 1));
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<Authentication> seen = new AtomicReference<>();
        try {
            context.getBean("springSecurityFilterChain", Filter.class).doFilter(request, response,
                    (req, res) -> seen.set(SecurityContextHolder.getContext().getAuthentication()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Authentication user = seen.get();
        return new Outcome(response.getStatus(), response.getHeader("WWW-Authenticate"),
                user == null ? null : user.getName(),
                user == null ? List.of() : user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList(),
                user != null && user.getDetails() != null);
    }

    /** The authentication events published, and the calls to chat-boot's resolver. */
    static class Recorders implements ApplicationListener<AbstractAuthenticationEvent>, BeanPostProcessor {
        final List<AbstractAuthenticationEvent> events = new CopyOnWriteArrayList<>();
        final AtomicInteger resolverCalls = new AtomicInteger();

        @Override
        public void onApplicationEvent(AbstractAuthenticationEvent event) {
            events.add(event);
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof AuthorizationHeaderTokenResolver resolver) {
                return (BearerTokenResolver) request -> {
                    resolverCalls.incrementAndGet();
                    return resolver.resolve(request);
                };
            }
            return bean;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class ChatBootChain {
        @Bean
        SecurityFilterChain api(HttpSecurity http, BearerAuthentication bearer) throws Exception {
            return services(http)
                    .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.authenticationManager(bearer.authenticationManager())))
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class DefaultChain {
        @Bean
        SecurityFilterChain api(HttpSecurity http) throws Exception {
            return services(http).oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults())).build();
        }
    }

    private static HttpSecurity services(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
    }
}
