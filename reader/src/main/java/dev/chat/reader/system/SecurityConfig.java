package dev.chat.reader.system;

import dev.chat.boot.jwt.BearerAuthentication;
import dev.chat.boot.problem.ProblemSecurityHandlers;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless bearer-token security: every API call needs the gateway's JWT; health probes and the API
 * docs are open. Who may read which dialog is decided by the controllers, which look dialogs up only
 * from the token's subject.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemSecurityHandlers problems,
                                           BearerAuthentication bearer) throws Exception {
        return http
                .csrf(csrf -> csrf.disable()) // no cookies, no sessions: nothing for CSRF to ride on
                .cors(Customizer.withDefaults()) // the web client's origins, see CorsConfig
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        // chat-boot's: the subject as name, no scope authorities, no event per request; its
                        // header resolver (a bean) is picked up by type
                        .jwt(jwt -> jwt.authenticationManager(bearer.authenticationManager()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .build();
    }
}
