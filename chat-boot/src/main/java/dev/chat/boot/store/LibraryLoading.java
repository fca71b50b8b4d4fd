package dev.chat.boot.store;

import java.time.Duration;

import dev.chat.udf.RedisChat;
import io.lettuce.core.RedisLoadingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the chat library at start, waiting while Redis loads its dataset: a restarted Redis with a full store
 * answers {@code LOADING} until its RDB/AOF is read back, and a service that gave up then had to be started again
 * by hand. Any other failure still stops the start at once. While this waits the service is not up, so it is not
 * ready either.
 */
final class LibraryLoading {

    private static final Logger log = LoggerFactory.getLogger(LibraryLoading.class);
    private static final Duration PAUSE = Duration.ofMillis(200);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    private LibraryLoading() {
    }

    /**
     * @param timeout how long to wait for the dataset ({@code chat.redis.loading-timeout})
     * @throws IllegalStateException when Redis is still loading after {@code timeout}
     * @throws RuntimeException      whatever else {@link RedisChat#loadFunctions()} throws
     */
    static void load(RedisChat chat, Duration timeout, String where) {
        long start = System.nanoTime();
        long reported = Long.MIN_VALUE;
        while (true) {
            try {
                chat.loadFunctions();
                if (reported != Long.MIN_VALUE) {
                    log.info("Redis at {} has loaded its dataset after {} s", where, seconds(start));
                }
                return;
            } catch (RuntimeException e) {
                if (!isLoading(e)) {
                    throw e;
                }
                if (System.nanoTime() - start > timeout.toNanos()) {
                    throw new IllegalStateException("Redis at " + where + " is still loading its dataset after "
                            + timeout.toSeconds() + " s (chat.redis.loading-timeout)", e);
                }
                if (reported == Long.MIN_VALUE || System.nanoTime() - reported > REPORT_EVERY.toNanos()) {
                    log.warn("Redis at {} is loading its dataset ({} s so far); the chat library is loaded when it is "
                            + "done, waiting up to {} s", where, seconds(start), timeout.toSeconds());
                    reported = System.nanoTime();
                }
                pause();
            }
        }
    }

    static boolean isLoading(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RedisLoadingException) {
                return true;
            }
        }
        return false;
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Redis to load its dataset", interrupted);
        }
    }
}
