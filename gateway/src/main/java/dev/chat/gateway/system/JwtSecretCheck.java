package dev.chat.gateway.system;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Refuses to start in production (Spring profile {@value #PRODUCTION_PROFILE}) with the public development JWT
 * secret: anyone who has read this repository could mint a token for any user. Outside production the secret is
 * only warned about ({@link SecurityConfig}), so {@code ./chat up} and the tests work without configuration. Too
 * short secrets are refused in every profile ({@link JwtProperties}).
 */
@Component
class JwtSecretCheck {

    static final String PRODUCTION_PROFILE = "prod";

    JwtSecretCheck(JwtProperties properties, Environment environment) {
        if (environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE)) && properties.usesDevelopmentSecret()) {
            throw new IllegalStateException("gateway: refusing to start with Spring profile '" + PRODUCTION_PROFILE
                    + "': chat.security.jwt.secret is the public development default. Set CHAT_SECURITY_JWT_SECRET to a"
                    + " random secret of at least 32 bytes, the same as the reader's (e.g. openssl rand -base64 48)");
        }
    }
}
