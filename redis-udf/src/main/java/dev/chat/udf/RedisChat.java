package dev.chat.udf;

import dev.chat.common.dialog.DialogStore;

/**
 * Entry point of the binding: owns the Lettuce client and connections to one Redis (or cluster), loads
 * the {@code chat} Functions library, and hands out the typed {@link DialogStore}. Thread-safe; create
 * one per process and close it on shutdown.
 *
 * <p>Calls that find the library missing (a Redis restarted without persistence, a new cluster primary) load
 * it on every primary and retry once, so {@link #loadFunctions()} at start-up is the normal path, not the only
 * one.
 */
public final class RedisChat implements AutoCloseable {

    private final RedisNodes nodes;
    private final FunctionLibrary library;
    private final FunctionCalls calls;
    private final RedisDialogStore store;

    private RedisChat(RedisNodes nodes, FunctionLibrary library, ReplicaAcks acks, boolean oneKeyPerCall) {
        this.nodes = nodes;
        this.library = library;
        this.calls = new FunctionCalls(nodes, library, acks);
        this.store = new RedisDialogStore(calls, oneKeyPerCall);
    }

    /** Connects (fails fast, naming Redis and the URI, when it cannot); does not load the library. */
    public static RedisChat connect(RedisChatSettings settings) {
        return connect(settings, settings.cluster());
    }

    /**
     * Tests use {@code oneKeyPerCall = true} over a standalone server to run the cluster code path of the
     * store: what makes it cluster-safe is that no call names keys of two slots.
     */
    static RedisChat connect(RedisChatSettings settings, boolean oneKeyPerCall) {
        FunctionLibrary library = FunctionLibrary.bundled();
        RedisNodes nodes = RedisNodes.connect(settings);
        return new RedisChat(nodes, library, new ReplicaAcks(nodes, settings), oneKeyPerCall);
    }

    /** FUNCTION LOAD REPLACE of the bundled library on every primary, then checks its version. */
    public void loadFunctions() {
        calls.load();
    }

    /**
     * Whether the library of the expected version is loaded on every primary (for health checks).
     * False when it is missing or another version; Redis being unreachable throws.
     */
    public boolean functionsLoaded() {
        return calls.loaded();
    }

    /** The version of the bundled library, which {@link #loadFunctions()} checks Redis reports. */
    public String libraryVersion() {
        return library.version();
    }

    /** The Redis Functions implementation of the store. */
    public DialogStore dialogStore() {
        return store;
    }

    @Override
    public void close() {
        nodes.close();
    }
}
