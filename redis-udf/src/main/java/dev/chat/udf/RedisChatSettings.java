package dev.chat.udf;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Redis.
 *
 * @param uri               {@code redis://host:port} (for a cluster: any node's address)
 * @param reads             where read-only functions ({@code FCALL_RO}) go
 * @param cluster           true for Redis Cluster: then no call touches two hash slots, and one-dialog-per-pair
 *                          relies on the caller serialising creation per pair (see redis-udf/README.md)
 * @param replicaAcks       replicas that must hold a write before a write call returns ({@code WAIT}); 0: return once
 *                          the primary has it (a failover can then lose it)
 * @param replicaAckTimeout how long a write call waits for those acknowledgements before it fails with
 *                          {@link ReplicaAckException}
 */
public record RedisChatSettings(String uri, ReadPreference reads, boolean cluster, int replicaAcks,
                                Duration replicaAckTimeout) {

    public enum ReadPreference { PRIMARY, REPLICA_PREFERRED }

    /** Used when no timeout is given. */
    public static final Duration DEFAULT_REPLICA_ACK_TIMEOUT = Duration.ofSeconds(2);

    public RedisChatSettings {
        Objects.requireNonNull(uri, "uri");
        reads = reads == null ? ReadPreference.PRIMARY : reads;
        replicaAckTimeout = replicaAckTimeout == null ? DEFAULT_REPLICA_ACK_TIMEOUT : replicaAckTimeout;
        if (replicaAcks < 0) {
            throw new IllegalArgumentException("redis-udf: replicaAcks must be >= 0, was " + replicaAcks);
        }
        if (replicaAckTimeout.isNegative() || replicaAckTimeout.isZero()) {
            // WAIT's 0 means "block forever": a write would never fail over to a retry
            throw new IllegalArgumentException("redis-udf: replicaAckTimeout must be positive, was " + replicaAckTimeout);
        }
    }

    /** Writes return once the primary has them (no {@code WAIT}). */
    public RedisChatSettings(String uri, ReadPreference reads, boolean cluster) {
        this(uri, reads, cluster, 0, DEFAULT_REPLICA_ACK_TIMEOUT);
    }

    public static RedisChatSettings standalone(String uri) {
        return new RedisChatSettings(uri, ReadPreference.PRIMARY, false);
    }

    /** The same settings with writes confirmed by {@code replicas} replicas within {@code timeout}. */
    public RedisChatSettings withReplicaAcks(int replicas, Duration timeout) {
        return new RedisChatSettings(uri, reads, cluster, replicas, timeout);
    }
}
