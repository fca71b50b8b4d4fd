package dev.chat.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.PageRequest;
import dev.chat.common.dialog.WriteOutcome;
import dev.chat.testsupport.TestRedisCluster;
import dev.chat.testsupport.TestRedisNode;
import dev.chat.udf.RedisChatSettings.ReadPreference;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A primary of a real Redis Cluster (three primaries, one replica each) dies with SIGKILL right after it acknowledged
 * a write its replica never got, the replica takes over, and the killed node comes back as its replica. Without
 * replica acknowledgements that write is lost although the call returned; with {@code replica-acks 1} the call failed
 * instead, and writing it again after the failover stores it on the new primary.
 *
 * <p>The replica misses the write deterministically: it is stopped (SIGSTOP) and its replication link dropped
 * ({@code CLIENT KILL TYPE replica}) before the write, so no byte of it is in flight to the replica.
 */
class RedisClusterFailoverTests {

    private static final Logger log = LoggerFactory.getLogger(RedisClusterFailoverTests.class);

    private final AtomicLong clock = new AtomicLong(System.currentTimeMillis()); // one ms apart: (ts, id) order is send order
    private TestRedisCluster cluster;
    private RedisChat chat;

    @BeforeEach
    void start() {
        cluster = TestRedisCluster.start(3);
        for (TestRedisNode primary : cluster.nodes()) {
            cluster.addReplica(primary);
        }
    }

    @AfterEach
    void stop() {
        try {
            if (chat != null) {
                chat.close();
            }
        } finally {
            cluster.close();
        }
    }

    @Test
    void withReplicaAcksAWriteTheReplicaMissedFailsAndWritingItAgainAfterTheFailoverStoresIt() {
        chat = connect(1);
        DialogStore store = chat.dialogStore();
        UUID dialog = UUID.randomUUID();
        ChatMessage confirmed = message(dialog, "confirmed");
        ChatMessage missed = message(dialog, "missed by the replica");
        assertThat(store.writeMessage(confirmed, null).stored()).isTrue();
        Failover failover = Failover.of(cluster, dialog);

        failover.cutReplica();
        assertThatThrownBy(() -> store.writeMessage(missed, null)).isInstanceOf(ReplicaAckException.class);
        failover.killPrimaryAndPromoteReplica();
        assertThat(failover.replica.commands().zcard(RedisKeys.messages(dialog))).as("the new primary's messages")
                .isEqualTo(1);

        // the new primary has no replica until the killed node is back: it stores the write but cannot confirm it
        await("the write to reach the new primary, which cannot confirm it").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(() -> unconfirmed(() -> store.writeMessage(missed, null)));
        cluster.restart(failover.primary);
        long restarted = System.nanoTime();
        WriteOutcome again = await("the write to be confirmed after the failover").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptionsInstanceOf(RedisException.class)
                .until(() -> store.writeMessage(missed, null), outcome -> true);

        log.info("writes confirmed again {} ms after the killed node's restart", (System.nanoTime() - restarted) / 1_000_000);
        assertThat(again.messageId()).isEqualTo(missed.id());
        assertThat(texts(store, dialog)).containsExactly("confirmed", "missed by the replica");
    }

    @Test
    void withoutReplicaAcksAWriteTheDeadPrimaryAcknowledgedIsLost() {
        chat = connect(0);
        DialogStore store = chat.dialogStore();
        UUID dialog = UUID.randomUUID();
        assertThat(store.writeMessage(message(dialog, "replicated"), null).stored()).isTrue();
        Failover failover = Failover.of(cluster, dialog);
        failover.replica.commands().readOnly(); // a replica answers reads of its primary's slots only after READONLY
        await("the replica to have the first message").atMost(Duration.ofSeconds(10))
                .until(() -> failover.replica.commands().zcard(RedisKeys.messages(dialog)) == 1);

        failover.cutReplica();
        assertThat(store.writeMessage(message(dialog, "acknowledged, then lost"), null).stored()).isTrue();
        failover.killPrimaryAndPromoteReplica();

        List<String> texts = await("reads to reach the new primary").atMost(Duration.ofSeconds(60))
                .ignoreExceptionsInstanceOf(RedisException.class).until(() -> texts(store, dialog), list -> true);
        assertThat(texts).containsExactly("replicated");
    }

    /** True for {@link ReplicaAckException}, false for another Redis failure (the client still calls the dead node). */
    private static boolean unconfirmed(Runnable write) {
        try {
            write.run();
        } catch (ReplicaAckException e) {
            return true;
        } catch (RedisException e) {
            return false;
        }
        throw new AssertionError("a write was confirmed by a primary that has no replica");
    }

    private RedisChat connect(int replicaAcks) {
        // a short command timeout: a call to the dead primary fails in 2 s instead of Lettuce's 60
        RedisChat connected = RedisChat.connect(new RedisChatSettings(cluster.uri() + "?timeout=2s", ReadPreference.PRIMARY,
                true, replicaAcks, Duration.ofSeconds(1)));
        connected.loadFunctions();
        return connected;
    }

    private static List<String> texts(DialogStore store, UUID dialog) {
        List<String> newestFirst = new ArrayList<>(store.showMessages(dialog, PageRequest.newest(10)).messages().stream()
                .map(ChatMessage::message).toList());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private ChatMessage message(UUID dialog, String text) {
        return new ChatMessage(UUID.randomUUID(), UUID.randomUUID(), dialog, text, clock.incrementAndGet());
    }

    /** The primary holding a dialog, its replica, and the steps of losing the one to the other. */
    private record Failover(TestRedisCluster cluster, int slot, TestRedisNode primary, TestRedisNode replica) {

        static Failover of(TestRedisCluster cluster, UUID dialog) {
            int slot = cluster.slotOf(RedisKeys.messages(dialog));
            TestRedisNode primary = cluster.ownerOf(slot);
            TestRedisNode replica = cluster.replicaOf(primary);
            return new Failover(cluster, slot, primary, replica);
        }

        /** The replica stops and its link is dropped: nothing the primary writes now reaches it. */
        void cutReplica() {
            replica.pause();
            primary.commands().clientKill(KillArgs.Builder.typeSlave());
        }

        /** SIGKILL to the primary, the replica resumes and wins the failover election. */
        void killPrimaryAndPromoteReplica() {
            primary.kill();
            replica.resume();
            cluster.awaitOwner(slot, replica);
        }
    }
}
