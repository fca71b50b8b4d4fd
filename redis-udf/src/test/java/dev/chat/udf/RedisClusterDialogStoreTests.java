package dev.chat.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.UUID;

import dev.chat.common.dialog.DialogStore;
import dev.chat.udf.RedisChatSettings.ReadPreference;
import dev.chat.testsupport.TestRedis;
import dev.chat.testsupport.contract.DialogStoreContract;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract through {@code RedisClusterClient} on a one-node cluster. Such a node refuses any
 * call whose keys span two slots (CROSSSLOT) and any script touching a key outside its declared slot, so
 * passing here proves the cluster path's key discipline. Multi-node behaviour (redirects, failover) is
 * left to a later issue.
 */
class RedisClusterDialogStoreTests extends DialogStoreContract {

    private static TestRedis.Server cluster;
    private static RedisChat chat;

    @BeforeAll
    static void connect() {
        cluster = LocalRedis.singleNodeCluster();
        chat = RedisChat.connect(new RedisChatSettings(cluster.uri(), ReadPreference.PRIMARY, true));
        chat.loadFunctions();
    }

    @AfterAll
    static void close() {
        chat.close();
        cluster.stop();
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
    void aClusterRefusesBothDialogKeysInOneCall() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String[] bothOrders = {RedisKeys.dialog(a, b), RedisKeys.dialog(b, a)};
        assumeTrue(SlotHash.getSlot(bothOrders[0]) != SlotHash.getSlot(bothOrders[1]), "random pair in one slot");

        assertThatThrownBy(() -> LocalRedis.with(cluster.uri(), redis -> redis.fcallReadOnly("get_dialog",
                ScriptOutputType.VALUE, bothOrders)))
                .isInstanceOf(RedisCommandExecutionException.class).hasMessageStartingWith("CROSSSLOT");
    }

    @Test
    void loadsTheLibraryOnThePrimary() {
        LocalRedis.with(cluster.uri(), redis -> redis.functionFlush(io.lettuce.core.FlushMode.SYNC));
        assertThat(chat.functionsLoaded()).isFalse();

        chat.loadFunctions();

        assertThat(chat.functionsLoaded()).isTrue();
    }
}
