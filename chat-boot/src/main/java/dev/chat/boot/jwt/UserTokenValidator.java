package dev.chat.boot.jwt;

import java.util.UUID;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What makes a token one of ours beyond signature and issuer: an expiry (the default validator checks {@code exp}
 * only if present, and a token without one would be valid forever) and a user id as subject, in the canonical form
 * the gateway writes (controllers read the caller's id from it).
 */
final class UserTokenValidator implements OAuth2TokenValidator<Jwt> {

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return failure("the token has no expiry (exp)");
        }
        if (!isUserId(jwt.getSubject())) {
            return failure("the token's subject is not a user id");
        }
        return OAuth2TokenValidatorResult.success();
    }

    /** Canonical only: {@link UUID#fromString} also takes forms like {@code 1-1-1-1-1}. */
    private static boolean isUserId(String subject) {
        if (subject == null) {
            return false;
        }
        try {
            return UUID.fromString(subject).toString().equalsIgnoreCase(subject);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
