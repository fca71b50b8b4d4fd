package dev.chat.loadtest.collect;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

import dev.chat.common.dialog.ChatMessage;

/**
 * The yardstick of the ceiling's memory figures, the same for both stores: a message's size as the {@code chat}
 * Lua library stores it, its ZSET member {@code {"id":"…","author_id":"…","chat_id":"…","message":<text>,"ts":…}}
 * in UTF-8, the text encoded as Redis' lua-cjson encodes strings ({@code "} {@code \} {@code /} escaped with a
 * backslash, {@code \b \t \n \f \r} short, the other control characters and DEL as {@code \\u00XX}, everything
 * else byte for byte).
 */
final class MemberBytes {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private MemberBytes() {
    }

    /** The member the Lua library's {@code write_message} stores for this message. */
    static String member(ChatMessage m) {
        StringBuilder json = new StringBuilder(m.message().length() + 140);
        json.append("{\"id\":\"").append(m.id()).append("\",\"author_id\":\"").append(m.authorId())
                .append("\",\"chat_id\":\"").append(m.chatId()).append("\",\"message\":");
        appendString(json, m.message());
        return json.append(",\"ts\":").append(m.ts()).append('}').toString();
    }

    /** The member's length in bytes. */
    static long of(ChatMessage m) {
        return member(m).getBytes(StandardCharsets.UTF_8).length;
    }

    static long sum(Collection<ChatMessage> messages) {
        return messages.stream().mapToLong(MemberBytes::of).sum();
    }

    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"', '\\', '/' -> json.append('\\').append(c);
                case '\b' -> json.append("\\b");
                case '\t' -> json.append("\\t");
                case '\n' -> json.append("\\n");
                case '\f' -> json.append("\\f");
                case '\r' -> json.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
