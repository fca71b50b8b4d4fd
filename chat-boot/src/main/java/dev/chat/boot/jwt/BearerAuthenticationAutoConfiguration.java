package dev.chat.boot.jwt;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * How a servlet resource server reads and authenticates our bearer tokens, cheaper than Spring Security's defaults
 * and with the same outcome for every request: the {@link BearerTokenResolver} bean, which
 * {@code oauth2ResourceServer()} picks up by type (no service declares an {@code AuthenticationConverter} bean,
 * which would win over it), and {@link BearerAuthentication}, which a service hands to
 * {@code jwt.authenticationManager(…)} in its security chain. After {@link JwtAutoConfiguration} and Boot's
 * resource-server auto-configuration, either of which makes the {@link JwtDecoder}.
 */
@AutoConfiguration(after = JwtAutoConfiguration.class, afterName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration")
@ConditionalOnClass(BearerTokenResolver.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class BearerAuthenticationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(BearerTokenResolver.class)
    BearerTokenResolver bearerTokenResolver() {
        return new AuthorizationHeaderTokenResolver();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(JwtDecoder.class)
    BearerAuthentication bearerAuthentication(JwtDecoder decoder) {
        return new BearerAuthentication(decoder);
    }
}
