package dev.chat.boot.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens the wrapped decoder has verified, keyed by the exact token string, so a client that sends
 * the same token on every request pays for the HMAC, the JSON parsing and the validators once (they were 29 % of
 * the reader's CPU and ~10 % of the gateway's under load). Thread-safe.
 *
 * <p>What stays true: a token is served from here only if the wrapped decoder accepted exactly this string
 * (signature, algorithm, issuer, subject, expiry) earlier; failures are never cached; a cached token is never
 * served at or after its {@code exp}, checked on every hit against the same clock as the wrapped decoder's, and
 * after that it goes back to the wrapped decoder (which then rejects it). The cache is bounded by size, and
 * entries are dropped at their {@code exp} anyway.
 */
final class CachingJwtDecoder implements JwtDecoder {

    /** About 2 KB a token (the string and the decoded claims): 10,000 is ~20 MB at most. */
    static final int DEFAULT_MAX_TOKENS = 10_000;

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    CachingJwtDecoder(JwtDecoder verifier, Clock clock, int maxTokens) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxTokens)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = verified.getIfPresent(token);
        if (cached != null) {
            if (isLive(cached)) {
                return cached;
            }
            verified.invalidate(token);
        }
        Jwt jwt = verifier.decode(token); // throws for anything the verifier rejects: nothing is cached then
        if (isLive(jwt)) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    private boolean isLive(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }

    private Duration untilExpiry(Jwt jwt) {
        Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }
}
