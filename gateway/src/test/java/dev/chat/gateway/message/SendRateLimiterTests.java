package dev.chat.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SendRateLimiterTests {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(42 * SECOND);
    /** 2 per second after a burst of 4. */
    private final SendRateLimiter limiter = new SendRateLimiter(2, 4, clock::get);
    private final UUID alice = UUID.randomUUID();

    @Test
    void allowsTheBurstAtOnceThenSaysHowLongToWait() {
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.acquire(alice)).isZero();
        }

        assertThat(limiter.acquire(alice).toNanos()).isCloseTo(Duration.ofMillis(500).toNanos(), within(10L));
        clock.addAndGet(SECOND / 5);
        assertThat(limiter.acquire(alice).toNanos()).as("a refusal takes nothing")
                .isCloseTo(Duration.ofMillis(300).toNanos(), within(10L));
    }

    @Test
    void refillsAtTheRateUpToTheBurst() {
        for (int i = 0; i < 4; i++) {
            limiter.acquire(alice);
        }

        clock.addAndGet(SECOND / 2);
        assertThat(limiter.acquire(alice)).isZero();
        assertThat(limiter.acquire(alice)).isPositive();

        clock.addAndGet(3600 * SECOND);
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.acquire(alice)).as("never more than the burst, however long the pause").isZero();
        }
        assertThat(limiter.acquire(alice)).isPositive();
    }

    @Test
    void eachUserHasTheirOwnBudget() {
        for (int i = 0; i < 5; i++) {
            limiter.acquire(alice);
        }

        assertThat(limiter.acquire(UUID.randomUUID())).isZero();
        assertThat(limiter.acquire(alice)).isPositive();
    }
}
