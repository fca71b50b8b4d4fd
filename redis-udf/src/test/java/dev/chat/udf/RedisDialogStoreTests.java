package dev.chat.udf;

import dev.chat.common.dialog.DialogStore;
import dev.chat.testsupport.TestRedis;
import dev.chat.testsupport.contract.DialogStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on standalone Redis: both key orders in one call, so racing creation is safe. */
class RedisDialogStoreTests extends DialogStoreContract {

    private static RedisChat chat;

    @BeforeAll
    static void connect() {
        chat = RedisChat.connect(RedisChatSettings.standalone(TestRedis.uri()));
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
}
