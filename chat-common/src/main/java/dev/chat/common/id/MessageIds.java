package dev.chat.common.id;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Time-ordered message ids: RFC 9562 UUIDv7, monotonic within one generator. Ids made by one generator
 * compare (as strings and as {@link #compare}) in the order they were made, also within one millisecond,
 * which is what keeps same-millisecond messages of one sender in sending order.
 *
 * <p>Layout: 48-bit unix millis, version 7, a 12-bit counter in {@code rand_a} plus 62 random bits. When
 * the counter overflows inside one millisecond the generator borrows the next millisecond, so ordering
 * holds even then. Thread-safe and lock-free.
 */
public final class MessageIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final LongSupplier clock;
    /** (millis << 12) | counter of the last id issued. */
    private final AtomicLong last = new AtomicLong();

    public MessageIds() {
        this(System::currentTimeMillis);
    }

    public MessageIds(LongSupplier clock) {
        this.clock = clock;
    }

    /** A new id; its millisecond part is {@link #millisOf} and is never less than the previous id's. */
    public UUID next() {
        long now = clock.getAsLong() << 12;
        long stamp = last.updateAndGet(prev -> Math.max(prev + 1, now));
        long millis = stamp >>> 12;
        long counter = stamp & 0xFFF;
        long msb = (millis << 16) | 0x7000L | counter;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** The creation time (epoch millis) carried by a UUIDv7. */
    public static long millisOf(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }

    /** Orders ids as their canonical lower-case strings do (unsigned), unlike {@link UUID#compareTo}. */
    public static int compare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
