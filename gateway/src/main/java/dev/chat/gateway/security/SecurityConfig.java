package dev.chat.gateway.security;

import java.util.List;
import java.util.UUID;

import javax.crypto.SecretKey;

import dev.chat.boot.jwt.BearerAuthentication;
import dev.chat.boot.problem.ProblemSecurityHandlers;
import dev.chat.gateway.live.WebSocketConfig;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Stateless bearer-token security: {@code POST /login} mints HS256 JWTs ({@link JwtEncoder}), the resource
 * server verifies them ({@link JwtDecoder}, from chat-boot like the key and the {@link BearerAuthentication}) on
 * every other API call. Only the OTUS sign-up, login and public profile endpoints and the health probes are open.
 * Controllers name the verified caller by a {@link Caller} parameter.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig implements WebMvcConfigurer {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemSecurityHandlers problems, BearerAuthentication bearer)
            throws Exception {
        return http
                .csrf(csrf -> csrf.disable()) // no cookies: a bearer token cannot be sent by a forged cross-site form
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // any method, so that a wrong method on an open path is a 405, not a 401
                        .requestMatchers("/user/register", "/login", "/user/get/*", "/user/search").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        // the API description documents the API and holds no data
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        // the handshake checks the token itself (?access_token= for browsers): 401 problem without one
                        .requestMatchers(WebSocketConfig.PATH).permitAll()
                        .requestMatchers("/", "/web/**", "/api/v1/client-config").permitAll() // the web client
                        .anyRequest().authenticated())
                // chat-boot's: the subject as name, no scope authorities, no event per request; its header
                // resolver (a bean) is picked up by type
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.authenticationManager(bearer.authenticationManager()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /** Only the gateway mints tokens; the key, and the decoder that checks them, come from chat-boot. */
    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtKey) {
        return NimbusJwtEncoder.withSecretKey(jwtKey).algorithm(MacAlgorithm.HS256).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerResolver());
    }

    private static final class CallerResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Caller.class;
        }

        @Override
        public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                      WebDataBinderFactory binders) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || !(auth.getPrincipal() instanceof Jwt jwt)) {
                // the security chain lets no unauthenticated request reach a handler that asks for the caller
                throw new IllegalStateException("no verified token for a handler that needs the caller");
            }
            return new Caller(UUID.fromString(jwt.getSubject()));
        }
    }
}
