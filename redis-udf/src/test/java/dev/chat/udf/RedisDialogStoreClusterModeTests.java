package dev.chat.udf;

import dev.chat.common.dialog.DialogStore;
import dev.chat.testsupport.TestRedis;
import dev.chat.testsupport.contract.DialogStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract through the cluster code path (one key per call) on a standalone server. Creation
 * from both sides is only one dialog when serialised per pair, which is what the writer guarantees; racing
 * it unserialised is not part of this store's contract (see {@link RedisDialogStore}).
 */
class RedisDialogStoreClusterModeTests extends DialogStoreContract {

    private static RedisChat chat;

    @BeforeAll
    static void connect() {
        chat = RedisChat.connect(RedisChatSettings.standalone(TestRedis.uri()), true);
        chat.loadFunctions();
    }

    @AfterAll
    static void close() {
        chat.close();
    }

    @Override
    protected DialogStore store() {
        return chat.dialogStore();
    }

    @Override
    protected boolean createsAtomicallyAcrossKeyOrders() {
        return false;
    }
}
