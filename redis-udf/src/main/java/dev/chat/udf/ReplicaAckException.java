package dev.chat.udf;

import io.lettuce.core.RedisException;

/**
 * A write reached its primary but not as many replicas as {@link RedisChatSettings#replicaAcks()} asks for, within
 * the timeout (or the {@code WAIT} itself failed, e.g. the node is no longer a primary). The write is not confirmed:
 * a failover now could lose it. Transient, like a lost connection: writing again is safe, because writes are
 * idempotent, and succeeds once replicas keep up again.
 */
public final class ReplicaAckException extends RedisException {

    ReplicaAckException(String message) {
        super(message);
    }

    ReplicaAckException(String message, Throwable cause) {
        super(message, cause);
    }
}
