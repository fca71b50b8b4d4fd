package dev.chat.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.PageRequest;
import dev.chat.common.dialog.WriteOutcome;
import dev.chat.common.id.MessageIds;
import dev.chat.testsupport.TestRedisCluster;
import dev.chat.testsupport.TestRedisNode;
import dev.chat.udf.RedisChatSettings.ReadPreference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nodes joining a running three-primary cluster while a {@link RedisChat} is connected: a new primary gets
 * the library from {@link RedisChat#loadFunctions()}, or, without any load, from the first call that
 * reaches it (a slot moved to it with its keys); a replica serves the FCALL_RO reads with REPLICA_PREFERRED.
 * Each test adds its own nodes, so their order does not matter.
 */
class RedisClusterNewNodesTests {

    private static TestRedisCluster cluster;
    private final MessageIds ids = new MessageIds();

    @BeforeAll
    static void start() {
        cluster = TestRedisCluster.start(3);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void loadFunctionsAlsoLoadsOnAPrimaryThatJoinedAfterConnecting() {
        try (RedisChat chat = connect(ReadPreference.PRIMARY)) {
            chat.loadFunctions();
            TestRedisNode added = cluster.addPrimary();
            assertThat(ClusterChecks.libraries(added)).isEmpty();
            try (RedisChat seesTheNewNode = connect(ReadPreference.PRIMARY)) {
                assertThat(seesTheNewNode.functionsLoaded()).as("health with a primary lacking the library").isFalse();
            }

            chat.loadFunctions();

            assertThat(ClusterChecks.libraries(added)).containsExactly("chat");
            assertThat(chat.functionsLoaded()).isTrue();
        }
    }

    @Test
    void aCallToASlotMovedToANewPrimaryLoadsTheLibraryThereAndSucceeds() {
        try (RedisChat chat = connect(ReadPreference.PRIMARY)) {
            chat.loadFunctions();
            DialogStore store = chat.dialogStore();
            UUID alice = UUID.randomUUID();
            UUID dialog = store.makeDialog(alice, UUID.randomUUID(), UUID.randomUUID(), "moving").dialog().id();
            ChatMessage first = message(alice, dialog, "before the move");
            store.writeMessage(first, "client-1");

            TestRedisNode added = cluster.addPrimary();
            String messages = RedisKeys.messages(dialog);
            cluster.moveSlot(cluster.slotOf(messages), added);
            assertThat(cluster.nodeOf(messages)).isSameAs(added);
            assertThat(added.commands().exists(messages, RedisKeys.requests(dialog))).as("keys migrated").isEqualTo(2);
            assertThat(ClusterChecks.libraries(added)).isEmpty();

            ChatMessage second = message(alice, dialog, "after the move");
            assertThat(store.writeMessage(second, "client-2")).isEqualTo(new WriteOutcome(true, second.id()));

            assertThat(ClusterChecks.libraries(added)).containsExactly("chat");
            assertThat(store.writeMessage(message(alice, dialog, "retry"), "client-1"))
                    .isEqualTo(new WriteOutcome(false, first.id()));
            assertThat(store.showMessages(dialog, PageRequest.newest(10)).messages()).containsExactly(second, first);
            assertThat(LocalRedis.calls(added.uri(), "fcall")).as("FCALLs answered by the new primary").isPositive();
        }
    }

    @Test
    void readsGoToAReplicaWithReplicaPreferred() {
        TestRedisNode primary = cluster.nodes().get(0);
        TestRedisNode replica = cluster.addReplica(primary);
        try (RedisChat chat = connect(ReadPreference.REPLICA_PREFERRED)) {
            chat.loadFunctions();
            DialogStore store = chat.dialogStore();
            UUID alice = UUID.randomUUID();
            UUID dialog = dialogIdOn(primary);
            store.makeDialog(alice, UUID.randomUUID(), dialog, "replicated");
            ChatMessage message = message(alice, dialog, "read me from the replica");
            long primaryReads = LocalRedis.calls(primary.uri(), "fcall_ro");

            store.writeMessage(message, null);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> store.showMessages(dialog, PageRequest.newest(10)).messages().contains(message));
            assertThat(LocalRedis.calls(replica.uri(), "fcall_ro")).isPositive();
            assertThat(LocalRedis.calls(primary.uri(), "fcall_ro")).isEqualTo(primaryReads);
        }
    }

    private static RedisChat connect(ReadPreference reads) {
        return RedisChat.connect(new RedisChatSettings(cluster.uri(), reads, true));
    }

    /** A fresh dialog id whose messages key is in a slot of {@code node}. */
    private static UUID dialogIdOn(TestRedisNode node) {
        UUID id = UUID.randomUUID();
        while (cluster.nodeOf(RedisKeys.messages(id)) != node) {
            id = UUID.randomUUID();
        }
        return id;
    }

    private ChatMessage message(UUID author, UUID dialog, String text) {
        return new ChatMessage(ids.next(), author, dialog, text, System.currentTimeMillis());
    }
}
