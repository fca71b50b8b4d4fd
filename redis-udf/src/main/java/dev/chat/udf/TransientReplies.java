package dev.chat.udf;

import java.util.Locale;
import java.util.Set;

import io.lettuce.core.RedisCommandExecutionException;

/**
 * The error replies Redis gives while it is starting, busy or changing roles ({@code LOADING}, {@code CLUSTERDOWN}
 * during a failover, ...): worth a retry, unlike any other error reply (a bug), so a writer retries them and a
 * server answers them with 503, not 500. One list for every service.
 */
public final class TransientReplies {

    private static final Set<String> CODES = Set.of("LOADING", "BUSY", "MASTERDOWN", "READONLY", "TRYAGAIN",
            "CLUSTERDOWN", "NOREPLICAS");

    private TransientReplies() {
    }

    /** Whether the reply's error code (its first word) is one of those. */
    public static boolean isTransient(RedisCommandExecutionException reply) {
        String message = reply.getMessage();
        if (message == null) {
            return false;
        }
        String code = message.strip();
        int space = code.indexOf(' ');
        return CODES.contains((space < 0 ? code : code.substring(0, space)).toUpperCase(Locale.ROOT));
    }
}
