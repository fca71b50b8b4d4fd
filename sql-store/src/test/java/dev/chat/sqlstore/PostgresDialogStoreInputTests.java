package dev.chat.sqlstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.PageRequest;
import dev.chat.common.dialog.WriteOutcome;
import dev.chat.common.id.MessageIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How the SQL store checks and stores its input where SQL differs from Redis or adds a guarantee. */
class PostgresDialogStoreInputTests {

    private static HikariDataSource dataSource;
    private static PostgresDialogStore store;
    private static JdbcClient jdbc;

    private final MessageIds ids = new MessageIds();

    @BeforeAll
    static void database() {
        dataSource = DialogDatabase.migrated();
        store = new PostgresDialogStore(dataSource);
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void keepsMessageTextAsUtf8BytesSoNulSurvives() {
        ChatMessage message = message(UUID.randomUUID(), "nul\u0000 ü 😀", 1_000L);
        store.writeMessage(message, null);

        byte[] stored = jdbc.sql("SELECT message FROM messages WHERE id = ?").param(message.id())
                .query(byte[].class).single();

        assertThat(stored).isEqualTo("nul\u0000 ü 😀".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(store.showMessages(message.chatId(), PageRequest.newest(1)).messages()).containsExactly(message);
    }

    @Test
    void rejectsNulInADialogNameAndStoresNothing() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();

        assertThatIllegalArgumentException().isThrownBy(() -> store.makeDialog(a, b, UUID.randomUUID(), "a\u0000b"))
                .withMessageContaining("NUL");
        assertThat(store.findDialog(a, b)).isEmpty();
    }

    @Test
    void rejectsTimestampsTheRedisFunctionsReject() {
        UUID dialog = UUID.randomUUID();
        assertThatIllegalArgumentException().isThrownBy(() -> store.writeMessage(message(dialog, "x", -1), null));
        assertThatIllegalArgumentException().isThrownBy(
                () -> store.writeMessage(message(dialog, "x", PostgresDialogStore.MAX_TS + 1), null));
        assertThat(store.writeMessage(message(dialog, "x", PostgresDialogStore.MAX_TS), null).stored()).isTrue();
    }

    @Test
    void rejectsClientIdsTheRedisFunctionsReject() {
        UUID dialog = UUID.randomUUID();
        String longest = "é".repeat(PostgresDialogStore.MAX_CLIENT_ID_BYTES / 2);

        assertThatIllegalArgumentException().isThrownBy(() -> store.writeMessage(message(dialog, "x", 1), ""));
        assertThatIllegalArgumentException().isThrownBy(() -> store.writeMessage(message(dialog, "x", 1), longest + "a"));
        assertThat(store.writeMessage(message(dialog, "x", 1), longest).stored()).isTrue();
    }

    @Test
    void aMessageIdIsStoredOnceAcrossDialogsAndTimestamps() {
        ChatMessage first = message(UUID.randomUUID(), "first", 1_000L);
        ChatMessage sameIdElsewhere = new ChatMessage(first.id(), first.authorId(), UUID.randomUUID(), "other", 2_000L);

        store.writeMessage(first, null);

        assertThat(store.writeMessage(sameIdElsewhere, "client-1")).isEqualTo(new WriteOutcome(false, first.id()));
        assertThat(store.showMessages(sameIdElsewhere.chatId(), PageRequest.newest(10)).messages()).isEmpty();
    }

    private ChatMessage message(UUID dialogId, String text, long ts) {
        return new ChatMessage(ids.next(), UUID.randomUUID(), dialogId, text, ts);
    }
}
