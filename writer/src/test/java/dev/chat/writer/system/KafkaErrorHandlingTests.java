package dev.chat.writer.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

/** What the dead-letter recoverer is given, so that dead letters' exception headers name the record's problem. */
class KafkaErrorHandlingTests {

    @Test
    void deadLettersAnUndeserializableRecordOfABatchWithTheDeserializationException() {
        DeserializationException poison = new DeserializationException("not JSON", new byte[] {1}, false, null);

        assertThat(KafkaErrorHandling.asRecordListenerSawIt(FailuresTests.fromBatch(poison))).isSameAs(poison);
    }

    @Test
    void deadLettersAnotherFailureOfABatchAsTheListenersFailureCausedByIt() {
        RedisCommandExecutionException refused = new RedisCommandExecutionException("ERR ts must be epoch milliseconds");

        Exception seen = KafkaErrorHandling.asRecordListenerSawIt(FailuresTests.fromBatch(refused));

        assertThat(seen).isInstanceOf(ListenerExecutionFailedException.class).hasCause(refused);
        assertThat(((ListenerExecutionFailedException) seen).getGroupId()).isEqualTo("writer");
    }

    @Test
    void leavesARecordListenersFailureAsItIs() {
        ListenerExecutionFailedException failure = new ListenerExecutionFailedException("listener",
                new IllegalStateException("bug"));

        assertThat(KafkaErrorHandling.asRecordListenerSawIt(failure)).isSameAs(failure);
    }
}
