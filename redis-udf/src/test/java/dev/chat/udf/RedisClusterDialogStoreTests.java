package dev.chat.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogCreation;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.InboxEntry;
import dev.chat.common.dialog.MessageWrite;
import dev.chat.common.dialog.ReadOutcome;
import dev.chat.testsupport.TestRedisCluster;
import dev.chat.testsupport.TestRedisNode;
import dev.chat.testsupport.contract.DialogStoreContract;
import dev.chat.udf.RedisChatSettings.ReadPreference;
import io.lettuce.core.FlushMode;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract through {@code RedisClusterClient} on a real cluster of three primaries (embedded
 * redis-server processes, {@link TestRedisCluster}). The nodes refuse any call whose keys span two slots
 * (CROSSSLOT) and any key of a slot they do not own, so passing here proves the cluster path's key
 * discipline and its routing; dialogs whose two key orders live on different nodes are made and found
 * from both sides, and a dialog's messages and its two users' inboxes are kept on three different nodes.
 */
class RedisClusterDialogStoreTests extends DialogStoreContract {

    private static TestRedisCluster cluster;
    private static RedisChat chat;

    @BeforeAll
    static void connect() {
        cluster = TestRedisCluster.start(3);
        chat = RedisChat.connect(new RedisChatSettings(cluster.uri(), ReadPreference.PRIMARY, true));
        chat.loadFunctions();
    }

    @AfterAll
    static void close() {
        try {
            if (chat != null) {
                chat.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Override
    protected DialogStore store() {
        return chat.dialogStore();
    }

    @Override
    protected boolean createsAtomicallyAcrossKeyOrders() {
        return false;
    }

    @Test
    void loadsTheLibraryOnEveryPrimary() {
        cluster.nodes().forEach(node -> node.commands().functionFlush(FlushMode.SYNC));
        assertThat(chat.functionsLoaded()).isFalse();

        chat.loadFunctions();

        assertThat(cluster.nodes()).hasSize(3).allSatisfy(node ->
                assertThat(ClusterChecks.libraries(node)).as("libraries on node %s", node).containsExactly("chat"));
        assertThat(chat.functionsLoaded()).isTrue();
    }

    @Test
    void makesAndFindsDialogsWhoseTwoKeyOrdersLiveOnDifferentNodes() {
        Set<TestRedisNode> holders = new HashSet<>();
        for (int tries = 0; holders.size() < 3 && tries < 1000; tries++) {
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            String key = RedisKeys.dialog(a, b);
            String reverse = RedisKeys.dialog(b, a);
            TestRedisNode holder = cluster.nodeOf(key);
            if (holder == cluster.nodeOf(reverse) || holders.contains(holder)) {
                continue;
            }

            Dialog made = store().makeDialog(a, b, UUID.randomUUID(), "across nodes").dialog();

            assertThat(store().makeDialog(b, a, UUID.randomUUID(), "other side")).isEqualTo(new DialogCreation(made, false));
            assertThat(store().findDialog(b, a)).contains(made);
            assertThat(store().findDialog(a, b)).contains(made);
            assertThat(holder.commands().exists(key)).as("%s stored on its slot's node", key).isEqualTo(1);
            assertThat(cluster.nodeOf(reverse).commands().exists(reverse)).isZero();
            holders.add(holder);
        }
        assertThat(holders).as("nodes holding a dialog whose reverse key is on another node").hasSize(3);
    }

    @Test
    void aClusterRefusesBothDialogKeysInOneCall() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String[] bothOrders = {RedisKeys.dialog(a, b), RedisKeys.dialog(b, a)};
        assumeTrue(cluster.slotOf(bothOrders[0]) != cluster.slotOf(bothOrders[1]), "random pair in one slot");
        TestRedisNode holder = cluster.nodeOf(bothOrders[0]);

        assertThatThrownBy(() -> holder.commands().fcallReadOnly("get_dialog", ScriptOutputType.VALUE, bothOrders))
                .isInstanceOf(RedisCommandExecutionException.class).hasMessageStartingWith("CROSSSLOT");
    }

    @Test
    void keepsTheInboxesOfADialogWhoseMessagesAndBothUsersLiveOnThreeNodes() {
        UUID a;
        UUID b;
        UUID dialogId;
        do { // random ids until messages:<dialog>, inbox:<a> and inbox:<b> are on three different primaries
            a = UUID.randomUUID();
            b = UUID.randomUUID();
            dialogId = UUID.randomUUID();
        } while (new HashSet<>(List.of(cluster.nodeOf(RedisKeys.messages(dialogId)), cluster.nodeOf(RedisKeys.inbox(a)),
                cluster.nodeOf(RedisKeys.inbox(b)))).size() < 3);
        store().makeDialog(a, b, dialogId, "three nodes");
        ChatMessage sent = new ChatMessage(ids.next(), a, dialogId, "hello", System.currentTimeMillis() + 1000);

        store().writeMessages(List.of(new MessageWrite(sent, "c-1", b, "three nodes")));
        store().writeMessages(List.of(new MessageWrite(sent, "c-1", b, "three nodes"))); // a replay
        InboxEntry unread = store().showInbox(b, null, 10).dialogs().get(0);
        ReadOutcome read = store().markRead(b, a, dialogId, sent.cursor());

        assertThat(unread.lastMessage()).isEqualTo(sent);
        assertThat(unread.unread()).isEqualTo(1);
        assertThat(read.status()).isEqualTo(ReadOutcome.Status.MOVED);
        assertThat(store().showInbox(b, null, 10).dialogs().get(0).unread()).isZero();
        assertThat(store().showInbox(a, null, 10).dialogs().get(0).friendReadUpTo()).isEqualTo(sent.cursor());
        for (UUID user : List.of(a, b)) {
            TestRedisNode holder = cluster.nodeOf(RedisKeys.inbox(user));
            assertThat(holder.commands().exists(RedisKeys.inbox(user), RedisKeys.inboxDialogs(user)))
                    .as("inbox of %s on its slot's node", user).isEqualTo(2);
        }
    }
}
