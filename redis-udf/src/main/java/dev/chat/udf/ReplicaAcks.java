package dev.chat.udf;

import java.util.Arrays;
import java.util.List;

import io.lettuce.core.RedisCommandExecutionException;

/**
 * Confirms writes on replicas: after a write call, {@code WAIT} on the connection the write went over (on a cluster,
 * on each primary that holds one of the written keys), so that a write call returns only once
 * {@link RedisChatSettings#replicaAcks()} replicas have it and a failover to one of them keeps it.
 *
 * <p>{@code WAIT} counts the replicas that acknowledged the connection's latest write, so it covers every earlier
 * write on that connection too: one per pipeline, not one per call. Limits: a write whose connection was re-opened
 * between the write and the {@code WAIT} is confirmed by a {@code WAIT} that knows nothing of it; a write that a
 * resharding redirected to a primary the client does not yet know for its slot is confirmed by the old one.
 */
final class ReplicaAcks {

    private final RedisNodes nodes;
    private final int replicas;
    private final long timeoutMillis;

    ReplicaAcks(RedisNodes nodes, RedisChatSettings settings) {
        this.nodes = nodes;
        this.replicas = settings.replicaAcks();
        this.timeoutMillis = settings.replicaAckTimeout().toMillis();
    }

    /**
     * Returns once enough replicas hold the writes of {@code keys} (the key lists of the write calls), else throws
     * {@link ReplicaAckException}. Off ({@code replicaAcks} 0): returns at once, before looking at the keys.
     */
    void confirm(List<String[]> keys) {
        if (replicas == 0 || keys.isEmpty()) {
            return;
        }
        long acknowledged;
        try {
            acknowledged = nodes.replicasAcknowledging(keys.stream().flatMap(Arrays::stream).toList(), replicas,
                    timeoutMillis);
        } catch (RedisCommandExecutionException e) { // e.g. "WAIT cannot be used with replica instances"
            throw new ReplicaAckException(message("WAIT failed: " + e.getMessage()), e);
        }
        if (acknowledged < replicas) {
            throw new ReplicaAckException(message(acknowledged + " of " + replicas + " replicas acknowledged within "
                    + timeoutMillis + " ms"));
        }
    }

    private String message(String what) {
        return "redis-udf: write not confirmed by replicas of Redis at " + nodes.describe() + ": " + what
                + " (the write may be on the primary only; writing again is safe)";
    }
}
