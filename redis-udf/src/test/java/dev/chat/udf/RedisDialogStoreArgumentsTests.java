package dev.chat.udf;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.MessageWrite;
import dev.chat.testsupport.TestRedis;
import io.lettuce.core.RedisCommandExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the Redis store refuses, before calling Redis or as the library's BADARG reply. */
class RedisDialogStoreArgumentsTests {

    private static RedisChat chat;
    private static DialogStore store;

    private final ChatMessage message = new ChatMessage(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "m", 1);

    @BeforeAll
    static void connect() {
        chat = RedisChat.connect(RedisChatSettings.standalone(TestRedis.uri()));
        chat.loadFunctions();
        store = chat.dialogStore();
    }

    @AfterAll
    static void close() {
        chat.close();
    }

    @Test
    void rejectsEmptyAndOverlongClientIds() {
        assertThatThrownBy(() -> store.writeMessage(message, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientId must be 1..200 UTF-8 bytes");
        assertThatThrownBy(() -> store.writeMessage(message, "é".repeat(101)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 202");
    }

    @Test
    void rejectsTimestampsBeforeTheEpoch() {
        ChatMessage negative = new ChatMessage(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "m", -1);

        assertThatThrownBy(() -> store.writeMessage(negative, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ts must be epoch millis >= 0");
    }

    @Test
    void anArgumentTheLibraryRefusesIsAnIllegalArgumentWithTheLibrarysCode() {
        // passes the binding's own checks; write_message refuses a ts of more than 15 digits
        ChatMessage farFuture = new ChatMessage(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "m",
                1_000_000_000_000_000L);

        assertThatThrownBy(() -> store.writeMessage(farFuture, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("BADARG chat.write_message: ts must be epoch milliseconds")
                .hasCauseInstanceOf(RedisCommandExecutionException.class);
        assertThatThrownBy(() -> store.writeMessages(List.of(new MessageWrite(farFuture, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("BADARG chat.write_message");
    }

    @Test
    void requiresANewDialogId() {
        assertThatThrownBy(() -> store.makeDialog(UUID.randomUUID(), UUID.randomUUID(), null, "n"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("newDialogId");
    }
}
