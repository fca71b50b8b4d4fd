package dev.chat.gateway.message;

import java.time.Duration;
import java.util.UUID;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The send budget of each user on this gateway: a token bucket of {@code chat.messages.send-burst} sends at once,
 * refilled at {@code chat.messages.send-rate} per second. One bucket per user for every transport (HTTP and
 * WebSocket), so using both does not double the rate. A bucket left alone until it is full again is forgotten:
 * memory follows the users sending now, and forgetting it changes nothing. Thread-safe. Public because read markers
 * keep a budget of their own with another instance ({@code chat.reads.*}): marking a dialog read must not spend sends.
 */
public final class SendRateLimiter {

    private final double ratePerNano;
    private final int burst;
    private final LongSupplier nanoClock;
    private final Cache<UUID, Bucket> buckets;

    public SendRateLimiter(double ratePerSecond, int burst, LongSupplier nanoClock) {
        this.ratePerNano = ratePerSecond / 1_000_000_000d;
        this.burst = burst;
        this.nanoClock = nanoClock;
        long refillNanos = (long) Math.ceil(burst / ratePerNano);
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofNanos(refillNanos))
                .ticker(nanoClock::getAsLong)
                .build();
    }

    /**
     * Takes one send from the user's budget.
     *
     * @return zero when the send may go; otherwise nothing was taken and this is how long until it may
     */
    public Duration acquire(UUID userId) {
        long now = nanoClock.getAsLong();
        return Duration.ofNanos(buckets.get(userId, id -> new Bucket(burst, now)).acquire(now));
    }

    private final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        /** 0 when a token was taken, else the nanoseconds until there is one. */
        synchronized long acquire(long now) {
            tokens = Math.min(burst, tokens + Math.max(0, now - updatedAt) * ratePerNano);
            updatedAt = Math.max(updatedAt, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / ratePerNano));
        }
    }
}
