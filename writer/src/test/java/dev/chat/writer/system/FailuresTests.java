package dev.chat.writer.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chat.writer.message.EventNotPublishedException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

class FailuresTests {

    @Test
    void redisUnreachableOrSlowIsTransientEvenWhenWrapped() {
        assertThat(Failures.isTransient(new RedisConnectionException("refused"))).isTrue();
        assertThat(Failures.isTransient(new RedisCommandTimeoutException("1 second"))).isTrue();
        assertThat(Failures.isTransient(new RedisException("Currently not connected"))).isTrue();
        assertThat(Failures.isTransient(new ListenerExecutionFailedException("listener",
                new IllegalStateException("binding", new RedisConnectionException("refused"))))).isTrue();
    }

    @Test
    void redisStartingOrFailingOverIsTransient() {
        assertThat(Failures.isTransient(new RedisCommandExecutionException("LOADING Redis is loading"))).isTrue();
        assertThat(Failures.isTransient(new RedisCommandExecutionException("READONLY You can't write"))).isTrue();
    }

    @Test
    void anErrorReplyAboutTheCallIsNotTransient() {
        assertThat(Failures.isTransient(new RedisCommandExecutionException("ERR bad argument ts"))).isFalse();
        assertThat(Failures.isTransient(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void postgresUnreachableOrSlowIsTransientButASqlErrorIsNot() {
        assertThat(Failures.isTransient(new ListenerExecutionFailedException("listener",
                new CannotGetJdbcConnectionException("pool timed out")))).isTrue();
        assertThat(Failures.isTransient(new QueryTimeoutException("statement timeout"))).isTrue();
        assertThat(Failures.isTransient(new DuplicateKeyException("dialogs_pkey"))).isFalse();
        assertThat(Failures.isTransient(new BadSqlGrammarException("write", "INSERT", new java.sql.SQLException())))
                .isFalse();
    }

    @Test
    void anUnacknowledgedEventIsTransient() {
        assertThat(Failures.isTransient(new EventNotPublishedException("timeout", null))).isTrue();
    }

    @Test
    void unparseableInvalidAndRefusedRecordsArePoison() {
        assertThat(Failures.kind(new ListenerExecutionFailedException("listener",
                new InvalidCommandException("invalid")))).isEqualTo(Failures.Kind.POISON);
        assertThat(Failures.kind(new IllegalArgumentException("clientId too long"))).isEqualTo(Failures.Kind.POISON);
        assertThat(Failures.kind(new RedisConnectionException("refused"))).isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.kind(new RedisCommandExecutionException("ERR chat.write_message: ts")))
                .isEqualTo(Failures.Kind.UNEXPECTED);
    }

    @Test
    void anArgumentTheLuaLibraryRefusesIsPoisonAsTheBindingTypesIt() {
        RedisCommandExecutionException reply = new RedisCommandExecutionException("BADARG chat.write_message: ts");
        assertThat(Failures.kind(new IllegalArgumentException(reply.getMessage(), reply))).isEqualTo(Failures.Kind.POISON);
        assertThat(Failures.kind(fromBatch(new IllegalArgumentException(reply.getMessage(), reply))))
                .isEqualTo(Failures.Kind.POISON);
    }

    @Test
    void aRecordsFailureReportedByTheBatchListenerKeepsItsKind() {
        assertThat(Failures.kind(fromBatch(new DeserializationException("not JSON", new byte[0], false, null))))
                .isEqualTo(Failures.Kind.POISON);
        assertThat(Failures.kind(fromBatch(new EventNotPublishedException("timeout", null))))
                .isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.kind(fromBatch(new RedisCommandExecutionException("ERR chat.write_message: ts"))))
                .isEqualTo(Failures.Kind.UNEXPECTED);
    }

    /** As the container hands it to the error handler. */
    static ListenerExecutionFailedException fromBatch(Exception recordFailure) {
        return new ListenerExecutionFailedException("listener method threw", "writer",
                new BatchListenerFailedException("writer: message not handled", recordFailure, 3));
    }
}
