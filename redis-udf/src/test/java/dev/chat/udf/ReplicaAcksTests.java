package dev.chat.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.MessageWrite;
import dev.chat.common.dialog.WriteOutcome;
import dev.chat.testsupport.TestRedis;
import dev.chat.testsupport.TestReplicatedRedis;
import io.lettuce.core.RedisException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code chat.redis.replica-acks} on a primary with one replica: a write call returns only once the replica has the
 * write ({@code WAIT}, one per pipeline), and fails with the transient {@link ReplicaAckException} when the replica
 * does not acknowledge in time (here: it is stopped with SIGSTOP).
 */
class ReplicaAcksTests {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(1);

    private TestReplicatedRedis redis;
    private TestRedis.Server primary;
    private TestRedis.Server replica;

    @BeforeEach
    void start() {
        redis = TestReplicatedRedis.start();
        primary = redis.primary();
        replica = redis.replica();
    }

    @AfterEach
    void stop() {
        redis.close();
    }

    @Test
    void aBatchReturnsOnlyOnceTheReplicaHoldsAllOfItWithOneWaitForTheWholePipeline() {
        try (RedisChat chat = connect(1)) {
            UUID dialog = UUID.randomUUID();
            List<MessageWrite> writes = List.of(write(dialog, "one"), write(dialog, "two"), write(dialog, "three"));

            List<WriteOutcome> outcomes = chat.dialogStore().writeMessages(writes);

            assertThat(outcomes).allMatch(WriteOutcome::stored);
            // read straight after the call returned, with no waiting: WAIT made it so
            assertThat(messagesOn(replica, dialog)).isEqualTo(3);
            assertThat(LocalRedis.calls(primary.uri(), "wait")).isEqualTo(1);
        }
    }

    @Test
    void aWriteTheReplicaDoesNotAcknowledgeFailsAsTransientAndWritingItAgainLaterStoresItOnce() {
        try (RedisChat chat = connect(1)) {
            DialogStore store = chat.dialogStore();
            ChatMessage message = write(UUID.randomUUID(), "unconfirmed").message();
            redis.pauseReplica();

            assertThatThrownBy(() -> store.writeMessage(message, null))
                    .isInstanceOf(ReplicaAckException.class).isInstanceOf(RedisException.class)
                    .hasMessageContaining("0 of 1 replicas acknowledged within 1000 ms");
            assertThat(messagesOn(primary, message.chatId())).isEqualTo(1);

            redis.resumeReplica();
            WriteOutcome again = store.writeMessage(message, null);

            assertThat(again.stored()).isFalse(); // the primary had it: the retry confirms, it does not duplicate
            assertThat(again.messageId()).isEqualTo(message.id());
        }
    }

    @Test
    void dialogCreationWaitsForTheReplicaToo() {
        try (RedisChat chat = connect(1)) {
            redis.pauseReplica();

            assertThatThrownBy(() -> chat.dialogStore().makeDialog(UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID(), "unconfirmed")).isInstanceOf(ReplicaAckException.class);
        }
    }

    @Test
    void moreAcknowledgementsThanThereAreReplicasNeverConfirmAWrite() {
        try (RedisChat chat = connect(2)) {
            assertThatThrownBy(() -> chat.dialogStore().writeMessages(List.of(write(UUID.randomUUID(), "needs two"))))
                    .isInstanceOf(ReplicaAckException.class)
                    .hasMessageContaining("1 of 2 replicas acknowledged");
        }
    }

    @Test
    void withoutReplicaAcksAWriteReturnsOnceThePrimaryHasItAndSendsNoWait() {
        try (RedisChat chat = connect(0)) {
            redis.pauseReplica();

            WriteOutcome outcome = chat.dialogStore().writeMessage(write(UUID.randomUUID(), "primary only").message(),
                    null);

            assertThat(outcome.stored()).isTrue();
            assertThat(LocalRedis.calls(primary.uri(), "wait")).isZero();
        }
    }

    private RedisChat connect(int replicaAcks) {
        RedisChat chat = RedisChat.connect(RedisChatSettings.standalone(primary.uri())
                .withReplicaAcks(replicaAcks, ACK_TIMEOUT));
        chat.loadFunctions();
        return chat;
    }

    private static long messagesOn(TestRedis.Server server, UUID dialog) {
        Long count = LocalRedis.with(server.uri(), redis -> redis.zcard(RedisKeys.messages(dialog)));
        return count;
    }

    private static MessageWrite write(UUID dialog, String text) {
        return new MessageWrite(new ChatMessage(UUID.randomUUID(), UUID.randomUUID(), dialog, text,
                System.currentTimeMillis()), null);
    }
}
