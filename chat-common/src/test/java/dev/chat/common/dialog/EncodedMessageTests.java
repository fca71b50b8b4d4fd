package dev.chat.common.dialog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EncodedMessageTests {

    private static final UUID ID = UUID.fromString("01937a4e-7b1c-7000-8000-000000000001");
    private static final UUID AUTHOR = UUID.fromString("3cd82c05-0000-4000-8000-000000000002");
    private static final UUID CHAT = UUID.fromString("caf292b0-0000-4000-8000-000000000003");

    /** What chat.lua's write_message stores, including cjson's escaped slash. */
    private static final String LUA_MEMBER = "{\"id\":\"" + ID + "\",\"author_id\":\"" + AUTHOR + "\",\"chat_id\":\"" + CHAT
            + "\",\"message\":\"a\\/b \\\"q\\\" \\u0001 \\n \\\\ \\u00e9 é 😀\",\"ts\":1700000000123}";

    @Test
    public void readsTheLuaLibrarysMemberWithoutDecodingItsText() {
        EncodedMessage message = EncodedMessage.of(LUA_MEMBER.getBytes(UTF_8));

        assertThat(message.ts()).isEqualTo(1_700_000_000_123L);
        assertThat(message.id()).isEqualTo(ID);
        assertThat(message.authorIs(AUTHOR.toString().getBytes(UTF_8))).isTrue();
        assertThat(message.authorIs(CHAT.toString().getBytes(UTF_8))).isFalse();
        assertThat(new String(message.bytes(), EncodedMessage.TEXT_OFFSET, message.textEnd() - EncodedMessage.TEXT_OFFSET, UTF_8))
                .isEqualTo("\"a\\/b \\\"q\\\" \\u0001 \\n \\\\ \\u00e9 é 😀\"");
        assertThat(message.decode()).isEqualTo(new ChatMessage(ID, AUTHOR, CHAT, "a/b \"q\" \u0001 \n \\ é é 😀", 1_700_000_000_123L));
    }

    @Test
    public void encodesAsTheLuaLibraryLaysOutAndDecodesBack() {
        for (String text : List.of("", "plain", "quote \" backslash \\ slash /", "\u0000\u0001\u001f\u007f", "new\nline\r\t",
                "ünïcödé 中文 😀👨‍👩‍👧‍👦", "\u2028\u2029", "\uFEFF\uFFFF", "x".repeat(70_000))) {
            ChatMessage original = new ChatMessage(ID, AUTHOR, CHAT, text, 0);

            EncodedMessage encoded = EncodedMessage.encode(original);

            assertThat(EncodedMessage.of(encoded.bytes())).isEqualTo(encoded);
            assertThat(encoded.decode()).as(text).isEqualTo(original);
            assertThat(new String(encoded.bytes(), 0, EncodedMessage.TEXT_OFFSET, UTF_8))
                    .isEqualTo(LUA_MEMBER.substring(0, EncodedMessage.TEXT_OFFSET));
        }
    }

    @Test
    public void encodingFromUtf8BytesEqualsEncodingFromText() {
        String text = "ünïcödé \" \\ \n 😀";

        assertThat(EncodedMessage.encode(ID, AUTHOR, CHAT, text.getBytes(UTF_8), 42))
                .isEqualTo(EncodedMessage.encode(new ChatMessage(ID, AUTHOR, CHAT, text, 42)));
    }

    @Test
    public void refusesBytesWithoutTheStoredLayout() {
        String good = LUA_MEMBER;
        for (String bad : List.of("", "{}", good.replace("\"author_id\"", "\"author\"   "), good.replace(",\"ts\":", ",\"tz\":"),
                good.substring(0, good.length() - 1), good.replace("1700000000123}", "}"),
                good.replace("1700000000123", "1234567890123456"), good.replace("\"message\":\"", "\"message\":1"),
                good.replace("\"id\":\"", "\"Id\":\""))) {
            assertThatThrownBy(() -> EncodedMessage.of(bad.getBytes(UTF_8))).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    public void refusesATextLiteralWithABrokenEscapeWhenDecoding() {
        EncodedMessage broken = EncodedMessage.of(LUA_MEMBER.replace("\\u0001", "\\u00zz").getBytes(UTF_8));

        assertThatThrownBy(broken::decode).isInstanceOf(IllegalArgumentException.class);
    }
}
