package dev.chat.udf;

import java.time.Duration;
import java.util.Collection;
import java.util.function.Consumer;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * The Redis side of the binding: one multiplexed, thread-safe connection for the function calls, plus a
 * way to reach every primary (where FUNCTION LOAD must run). Standalone (optionally master/replica) or
 * cluster; the rest of the binding does not care which.
 */
interface RedisNodes extends AutoCloseable {

    /** Commands over the shared connection; FCALL_RO follows the configured read preference. */
    RedisClusterCommands<String, String> commands();

    /** The same connection without waiting for each reply: commands sent in a row are pipelined. */
    RedisClusterAsyncCommands<String, String> async();

    /**
     * Commands over a second connection whose values are raw bytes (keys stay strings): replies that are passed
     * through (a page of members) are never decoded to strings. Same read preference as {@link #commands()}.
     */
    RedisClusterCommands<String, byte[]> rawCommands();

    /** Runs {@code action} against each primary in turn (one for standalone Redis). */
    void forEachPrimary(Consumer<RedisClusterCommands<String, String>> action);

    /**
     * {@code WAIT replicas timeout} on the connection that writes of {@code keys} went over (on a cluster: on each
     * primary holding one of the keys, at once): the fewest replicas that acknowledged, 0 when a key's slot has no
     * known primary. Must follow the writes on the same connection, which the function calls use.
     */
    long replicasAcknowledging(Collection<String> keys, int replicas, long timeoutMillis);

    /** Re-reads which primaries there are (a cluster's new ones) before a load; standalone: nothing to do. */
    default void refreshTopology() {
    }

    /** The Redis address for messages, without credentials. */
    String describe();

    @Override
    void close();

    /**
     * The command timeout when the URI names none ({@code ?timeout=}), instead of Lettuce's 60 s: a call that went to
     * a primary just before it died waits this long before the caller (the writer's retry) can try its successor.
     * Above {@link RedisChatSettings#DEFAULT_REPLICA_ACK_TIMEOUT}, so a {@code WAIT} answers before it is given up.
     */
    Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(5);

    /**
     * What both kinds of connection do besides their defaults: every command, pipelined ones too, times out after the
     * URI's timeout; and while a node's connection is down, commands for it fail at once instead of queueing until it
     * is back (a failover's successor is then found by the caller's retry and the topology refresh).
     */
    static <B extends ClientOptions.Builder> B resilient(B options) {
        options.timeoutOptions(TimeoutOptions.enabled())
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
        return options;
    }

    /** Connects as the settings say, failing fast with a message that names Redis and the URI. */
    static RedisNodes connect(RedisChatSettings settings) {
        String shown = redact(settings.uri());
        RedisURI uri;
        try {
            uri = RedisURI.create(settings.uri());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("redis-udf: invalid Redis URI " + shown + ": " + e.getMessage(), e);
        }
        if (!settings.uri().matches("(?i).*[?&]timeout=.*")) {
            uri.setTimeout(DEFAULT_COMMAND_TIMEOUT);
        }
        try {
            return settings.cluster()
                    ? ClusterNodes.connect(uri, settings.reads(), shown)
                    : StandaloneNodes.connect(uri, settings.reads(), shown);
        } catch (RedisException e) {
            throw new IllegalStateException("redis-udf: cannot connect to Redis" + (settings.cluster() ? " Cluster" : "")
                    + " at " + shown + ": " + rootMessage(e), e);
        }
    }

    static String redact(String uri) {
        return uri.replaceAll("://[^@/]*@", "://***@");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }
}
