package dev.chat.writer.system;

import java.util.List;

import dev.chat.udf.TransientReplies;
import dev.chat.writer.message.EventNotPublishedException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * The three kinds of failure of a command record. <b>Transient</b> ones say nothing about the record:
 * Redis, Postgres or Kafka is unreachable, slow, loading, failing over. Those are retried forever (the partition
 * waits) because dropping or dead-lettering a good command during an outage would lose or reorder
 * messages. <b>Poison</b> records can never succeed and go to the dead-letter topic at once.
 * Everything else is <b>unexpected</b>: retried a few times, then dead-lettered.
 */
final class Failures {

    enum Kind { POISON, TRANSIENT, UNEXPECTED }

    /**
     * Not retryable: cannot be parsed or validated, a tombstone, or arguments the store refuses (e.g. an
     * oversized client id, or what the Lua library answers with its BADARG code: the Redis binding raises both
     * as {@link IllegalArgumentException}).
     */
    static final List<Class<? extends Exception>> POISON = List.of(DeserializationException.class,
            InvalidCommandException.class, IllegalArgumentException.class);

    private Failures() {
    }

    static Kind kind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (Class<? extends Exception> poison : POISON) {
                if (poison.isInstance(t)) {
                    return Kind.POISON;
                }
            }
            if (t == t.getCause()) {
                break;
            }
        }
        return isTransient(failure) ? Kind.TRANSIENT : Kind.UNEXPECTED;
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EventNotPublishedException) {
                return true;
            }
            if (t instanceof RedisCommandExecutionException reply) {
                return TransientReplies.isTransient(reply);
            }
            if (t instanceof RedisException) {
                // not an error reply from the server: connection refused or lost, command timeout, client
                // rejecting commands while disconnected, a write its replicas did not confirm (ReplicaAckException)
                return true;
            }
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException) {
                // the SQL store: no connection from the pool, connection lost, query timeout, serialization
                // failure; a constraint or SQL error is not among these
                return true;
            }
            if (t == t.getCause()) {
                break;
            }
        }
        return false;
    }
}
