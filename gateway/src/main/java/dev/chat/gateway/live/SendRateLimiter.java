package dev.chat.gateway.live;

/**
 * A token bucket: {@code burst} sends at once, then {@code ratePerSecond}. Thread-safe.
 */
final class SendRateLimiter {

    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long updatedAt;

    SendRateLimiter(double ratePerSecond, int burst, long nowNanos) {
        this.ratePerNano = ratePerSecond / 1_000_000_000d;
        this.burst = burst;
        this.tokens = burst;
        this.updatedAt = nowNanos;
    }

    /** Takes one token if there is one. */
    synchronized boolean tryAcquire(long nowNanos) {
        tokens = Math.min(burst, tokens + Math.max(0, nowNanos - updatedAt) * ratePerNano);
        updatedAt = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
