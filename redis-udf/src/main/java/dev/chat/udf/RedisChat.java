package dev.chat.udf;

import dev.chat.common.dialog.DialogStore;

/**
 * Entry point of the binding: owns the Lettuce client and connections to one Redis (or cluster), loads
 * the {@code chat} Functions library, and hands out the typed {@link DialogStore}. Thread-safe; create
 * one per process and close it on shutdown.
 */
public final class RedisChat implements AutoCloseable {

    private RedisChat() {
    }

    /** Connects (fails fast, naming Redis and the URI, when it cannot); does not load the library. */
    public static RedisChat connect(RedisChatSettings settings) {
        throw new UnsupportedOperationException("being implemented in redis-udf");
    }

    /** FUNCTION LOAD REPLACE of the bundled library on every primary, then checks its version. */
    public void loadFunctions() {
        throw new UnsupportedOperationException("being implemented in redis-udf");
    }

    /** Whether the library of the expected version is loaded (for health checks). */
    public boolean functionsLoaded() {
        throw new UnsupportedOperationException("being implemented in redis-udf");
    }

    /** The Redis Functions implementation of the store. */
    public DialogStore dialogStore() {
        throw new UnsupportedOperationException("being implemented in redis-udf");
    }

    @Override
    public void close() {
    }
}
