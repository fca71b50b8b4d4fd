package dev.chat.udf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * With the project's {@code zset-max-listpack-value 1024} (TestRedis sets it, as ./chat and compose do) a
 * dialog of up to 128 ordinary messages is a compact listpack; the 129th message, or one member over 1024
 * bytes, turns it into a skiplist, and the functions must not notice.
 */
class ZsetEncodingTests {

    private static final int ORDINARY = 80; // bytes of text: a member of ~260 bytes, like the load test's

    private static final LibraryConnection connection = LibraryConnection.open();
    private static final RedisCommands<String, String> redis = connection.sync();

    @AfterAll
    static void close() {
        connection.close();
    }

    @Test
    void aDialogOfUpTo128OrdinaryMessagesIsAListpackAndThe129thMakesItASkiplist() {
        TestDialog dialog = new TestDialog(redis).write(128, k -> TestDialog.ascii(ORDINARY));

        assertThat(redis.objectEncoding(dialog.key)).isEqualTo("listpack");
        dialog.write(1, k -> TestDialog.ascii(ORDINARY));
        assertThat(redis.objectEncoding(dialog.key)).isEqualTo("skiplist");
    }

    @Test
    void aMemberOver1024BytesMakesItsDialogASkiplist() {
        TestDialog dialog = new TestDialog(redis);
        dialog.write(1, k -> "");
        int empty = bytes(dialog.members().get(0));
        dialog.write(1, k -> TestDialog.ascii(1024 - empty));

        assertThat(bytes(dialog.members().get(1))).isEqualTo(1024);
        assertThat(redis.objectEncoding(dialog.key)).isEqualTo("listpack");
        dialog.write(1, k -> TestDialog.ascii(1025 - empty));
        assertThat(redis.objectEncoding(dialog.key)).isEqualTo("skiplist");
    }

    @Test
    void theFunctionsBehaveTheSameAcrossTheConversionToASkiplist() {
        TestDialog dialog = new TestDialog(redis).write(128, k -> TestDialog.ascii(ORDINARY));
        List<String> before = dialog.members();
        String old = TestDialog.messageId(2L * 40);
        long oldTs = TestDialog.BASE_TS + 40 / 3;
        assertThat(redis.objectEncoding(dialog.key)).isEqualTo("listpack");
        assertWalksGive(dialog, before);
        assertThat(dialog.write(old, oldTs, "again")).as("rewrite in a listpack").containsExactly(0L, old);

        // message 129 goes between messages 60 and 61, in their millisecond, with a client key
        String between = TestDialog.messageId(2L * 60 + 1);
        long ts = TestDialog.BASE_TS + 60 / 3;
        assertThat(writeWithClientKey(dialog, between, ts, "c-129")).containsExactly(1L, between);
        List<String> after = dialog.members();

        assertThat(redis.objectEncoding(dialog.key)).isEqualTo("skiplist");
        assertThat(after).hasSize(129);
        assertThat(after.get(61)).contains(between);
        assertThat(after.subList(0, 61)).isEqualTo(before.subList(0, 61));
        assertThat(after.subList(62, 129)).isEqualTo(before.subList(61, 128));
        assertWalksGive(dialog, after);
        assertThat(dialog.show("older", 2, TestDialog.cursorOf(after.get(62))))
                .isEqualTo(List.of(after.get(61), after.get(60), 1L));
        assertThat(dialog.show("newer", 1, TestDialog.cursorOf(after.get(60))))
                .isEqualTo(List.of(after.get(61), 1L));
        assertThat(dialog.write(old, oldTs, "again")).as("rewrite in a skiplist").containsExactly(0L, old);
        assertThat(dialog.write(between, ts, "again")).containsExactly(0L, between);
        assertThat(writeWithClientKey(dialog, TestDialog.messageId(999_999), ts, "c-129"))
                .as("client retry").containsExactly(0L, between);
        assertThat(dialog.members()).isEqualTo(after);
    }

    private static void assertWalksGive(TestDialog dialog, List<String> all) {
        List<String> reversed = new ArrayList<>(all);
        Collections.reverse(reversed);
        for (int limit : new int[] {1, 7, 50, 200}) {
            assertThat(dialog.walk("newer", limit)).as("newer %d", limit).isEqualTo(all);
            assertThat(dialog.walk("older", limit)).as("older %d", limit).isEqualTo(reversed);
        }
    }

    private static List<Object> writeWithClientKey(TestDialog dialog, String id, long ts, String clientId) {
        return redis.fcall("write_message", ScriptOutputType.MULTI,
                new String[] {dialog.key, "{" + dialog.key + "}:requests"},
                id, dialog.author, dialog.id, "with a client key", Long.toString(ts), dialog.author + ":" + clientId);
    }

    private static int bytes(String member) {
        return member.getBytes(StandardCharsets.UTF_8).length;
    }
}
