package dev.chat.boot.jwt;

import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A verified token as the request's authentication: a {@link JwtAuthenticationToken} named by the subject (the
 * user id controllers read), with the one authority Spring Security 7 gives every bearer authentication,
 * {@code FACTOR_BEARER}, and no others. Spring's {@link JwtAuthenticationConverter} would also read the
 * {@code scope}/{@code scp} claims on every request (1.5 % of the reader's CPU under load); our tokens have none and
 * no rule asks for an authority (every rule is {@code authenticated()} or {@code permitAll()}). Otherwise the same
 * token as the default converter's.
 */
final class SubjectJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        // a new authority each time, as the default: it carries the moment of authentication (issuedAt)
        return new JwtAuthenticationToken(jwt,
                List.of(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.BEARER_AUTHORITY)), subject(jwt));
    }

    /** The decoder leaves {@code sub} a String; only another type needs {@link Jwt#getSubject()}'s conversion. */
    private static String subject(Jwt jwt) {
        return jwt.getClaims().get(JwtClaimNames.SUB) instanceof String subject ? subject : jwt.getSubject();
    }
}
