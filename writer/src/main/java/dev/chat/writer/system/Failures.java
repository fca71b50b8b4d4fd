package dev.chat.writer.system;

import java.util.Locale;
import java.util.Set;

import dev.chat.writer.message.EventNotPublishedException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;

/**
 * Which failures are transient, i.e. say nothing about the record: Redis or Kafka is unreachable, slow,
 * loading, failing over. Those are retried forever (the partition waits) because dropping or
 * dead-lettering a good command during an outage would lose or reorder messages.
 */
final class Failures {

    /** Error replies Redis gives while it is starting, busy or changing roles. */
    private static final Set<String> TRANSIENT_REPLIES = Set.of("LOADING", "BUSY", "MASTERDOWN", "READONLY",
            "TRYAGAIN", "CLUSTERDOWN", "NOREPLICAS");

    private Failures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EventNotPublishedException) {
                return true;
            }
            if (t instanceof RedisCommandExecutionException reply) {
                return isTransientReply(reply.getMessage());
            }
            if (t instanceof RedisException) {
                // not an error reply from the server: connection refused or lost, command timeout, client
                // rejecting commands while disconnected
                return true;
            }
            if (t == t.getCause()) {
                break;
            }
        }
        return false;
    }

    private static boolean isTransientReply(String message) {
        if (message == null) {
            return false;
        }
        String code = message.strip();
        int space = code.indexOf(' ');
        code = (space < 0 ? code : code.substring(0, space)).toUpperCase(Locale.ROOT);
        return TRANSIENT_REPLIES.contains(code);
    }
}
