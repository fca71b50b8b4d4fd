package dev.chat.boot.jwt;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * The resource server's authentication of a bearer token, for every service's security chain:
 * {@code .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.authenticationManager(bearer.authenticationManager())))}.
 *
 * <p>Spring Security's own {@link JwtAuthenticationProvider} over the service's {@link JwtDecoder} (so invalid,
 * forged and expired tokens fail exactly as with {@code jwt(withDefaults())}), with {@link SubjectJwtAuthenticationConverter}
 * in place of the scope-reading default, in a {@link ProviderManager} of its own. That manager publishes no
 * authentication events: the one Spring Security builds sends an application event for every request, and no
 * service listens to them (0.6 % of the reader's CPU under load). It has no parent either; the one Spring builds
 * has the global authentication manager as parent, which the services do not have (no user details, no
 * other providers), so a rejected token gives the same exception.
 */
public final class BearerAuthentication {

    private final AuthenticationManager manager;

    BearerAuthentication(JwtDecoder decoder) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(new SubjectJwtAuthenticationConverter());
        this.manager = new ProviderManager(provider); // its default event publisher publishes nothing
    }

    /** Only for the resource server's {@code jwt.authenticationManager(…)}; deliberately not a bean of its own. */
    public AuthenticationManager authenticationManager() {
        return manager;
    }
}
