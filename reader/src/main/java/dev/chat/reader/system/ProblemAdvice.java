package dev.chat.reader.system;

import java.time.Duration;

import dev.chat.boot.problem.ProblemType;
import dev.chat.common.dialog.DialogNotFoundException;
import dev.chat.udf.TransientReplies;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The reader's own failures as problems: a dialog the caller does not have, and the store's outages. Everything
 * else (Spring MVC's exceptions, bad parameters, {@link InvalidRequestException}, bugs) is chat-boot's
 * {@code ProblemExceptionHandler}'s, which is asked after this.
 */
@RestControllerAdvice
@Order(0)
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /** A second is enough for a reconnect or a failover to be worth a retry; readiness reports longer outages. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    @ExceptionHandler(DialogNotFoundException.class)
    ErrorResponse dialogNotFound(DialogNotFoundException e) {
        // Names only the friend: the caller knows who they are, and nothing about other users' dialogs leaks.
        return ProblemType.DIALOG_NOT_FOUND.exception("you have no dialog with user " + e.friendId());
    }

    /**
     * Redis unreachable, too slow, or answering that it is loading or failing over ({@code CLUSTERDOWN}, ...): worth
     * a retry, unlike a failing function (a bug, hence 500).
     */
    @ExceptionHandler(RedisException.class)
    ErrorResponse storeUnavailable(RedisException e) {
        if (e instanceof RedisCommandExecutionException reply && !TransientReplies.isTransient(reply)) {
            log.error("reader: Redis command failed", e);
            return ProblemType.INTERNAL_ERROR.exception(ProblemType.UNEXPECTED);
        }
        log.warn("reader: Redis unavailable: {}", e.toString());
        return unavailable(e);
    }

    /** The SQL store's counterpart: no connection, connection lost, timeout. An SQL error is a bug (500). */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            RecoverableDataAccessException.class})
    ErrorResponse databaseUnavailable(Exception e) {
        log.warn("reader: Postgres unavailable: {}", e.toString());
        return unavailable(e);
    }

    private static ErrorResponse unavailable(Exception cause) {
        return ProblemType.SERVICE_UNAVAILABLE.exception("message storage is unavailable; retry shortly", RETRY_AFTER,
                cause);
    }
}
