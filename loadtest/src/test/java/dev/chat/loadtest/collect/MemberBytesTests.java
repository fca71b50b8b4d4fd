package dev.chat.loadtest.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.id.MessageIds;
import dev.chat.testsupport.TestRedis;
import dev.chat.udf.RedisChat;
import dev.chat.udf.RedisChatSettings;
import dev.chat.udf.RedisKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

class MemberBytesTests {

    private static final UUID ID = UUID.fromString("0190a5b2-0000-7000-8000-000000000001");
    private static final UUID AUTHOR = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID CHAT = UUID.fromString("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");

    @Test
    void encodesTheMemberLayoutOfTheLuaLibrary() {
        ChatMessage m = new ChatMessage(ID, AUTHOR, CHAT, "hi", 1720000000000L);

        assertThat(MemberBytes.member(m)).isEqualTo("{\"id\":\"" + ID + "\",\"author_id\":\"" + AUTHOR
                + "\",\"chat_id\":\"" + CHAT + "\",\"message\":\"hi\",\"ts\":1720000000000}");
    }

    @Test
    void escapesTheTextAsLuaCjsonDoes() {
        ChatMessage m = new ChatMessage(ID, AUTHOR, CHAT, "a\"b\\c/d\be\tf\ng\fh\ri\u0001j\u007fk\u0000", 1);

        assertThat(MemberBytes.member(m)).contains(
                "\"message\":\"a\\\"b\\\\c\\/d\\be\\tf\\ng\\fh\\ri\\u0001j\\u007fk\\u0000\"");
    }

    @Test
    void countsUtf8BytesNotCharacters() {
        ChatMessage ascii = new ChatMessage(ID, AUTHOR, CHAT, "", 1);
        ChatMessage wide = new ChatMessage(ID, AUTHOR, CHAT, "é😀", 1);

        // é is 2 bytes, the emoji 4 (a surrogate pair of 2 chars)
        assertThat(MemberBytes.of(wide) - MemberBytes.of(ascii)).isEqualTo(6);
        assertThat(MemberBytes.sum(List.of(ascii, wide))).isEqualTo(MemberBytes.of(ascii) + MemberBytes.of(wide));
    }

    @Test
    void measuresExactlyTheMembersTheRedisStoreKeeps() {
        UUID dialog = UUID.randomUUID();
        MessageIds ids = new MessageIds();
        List<String> texts = List.of("plain", "quote \" slash / backslash \\", "lines\n\r\ttab\b\f",
                "control \u0001\u001f del \u007f nul \u0000", "café 😀 日本語", "ok".repeat(300));
        RedisClient client = RedisClient.create(TestRedis.uri());
        try (RedisChat chat = RedisChat.connect(RedisChatSettings.standalone(TestRedis.uri()));
             StatefulRedisConnection<String, String> redis = client.connect()) {
            chat.loadFunctions();
            DialogStore store = chat.dialogStore();
            List<ChatMessage> messages = new ArrayList<>();
            for (String text : texts) {
                UUID id = ids.next();
                messages.add(new ChatMessage(id, AUTHOR, dialog, text, MessageIds.millisOf(id)));
                store.writeMessage(messages.get(messages.size() - 1), null);
            }

            List<String> stored = redis.sync().zrange(RedisKeys.messages(dialog), 0, -1);
            assertThat(stored).containsExactlyElementsOf(messages.stream().map(MemberBytes::member).toList());
            assertThat(stored.stream().mapToLong(member -> member.getBytes(StandardCharsets.UTF_8).length).sum())
                    .isEqualTo(MemberBytes.sum(messages));
        } finally {
            client.shutdown();
        }
    }
}
