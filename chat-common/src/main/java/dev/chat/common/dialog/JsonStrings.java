package dev.chat.common.dialog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * JSON string literals over UTF-8 bytes, for {@link EncodedMessage}: quoting escapes only what JSON requires
 * (quote, backslash, control characters) and keeps every other byte, so UTF-8 text stays as it is; unquoting
 * reads any valid JSON escape, including those of other encoders (e.g. Lua's cjson writes {@code \/}).
 */
final class JsonStrings {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private JsonStrings() {
    }

    static byte[] quote(String text) {
        return quote(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] quote(byte[] utf8) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length + 16);
        out.write('"');
        for (byte b : utf8) {
            switch (b) {
                case '"' -> escape(out, '"');
                case '\\' -> escape(out, '\\');
                case '\n' -> escape(out, 'n');
                case '\r' -> escape(out, 'r');
                case '\t' -> escape(out, 't');
                default -> {
                    if (b >= 0 && b < 0x20) {
                        out.write('\\');
                        out.write('u');
                        out.write('0');
                        out.write('0');
                        out.write(HEX[b >> 4]);
                        out.write(HEX[b & 0xF]);
                    } else {
                        out.write(b);
                    }
                }
            }
        }
        out.write('"');
        return out.toByteArray();
    }

    private static void escape(ByteArrayOutputStream out, char c) {
        out.write('\\');
        out.write(c);
    }

    /**
     * The text of the literal at {@code from} (its opening quote) to {@code to} (after its closing quote).
     *
     * @throws IllegalArgumentException when it is not a valid JSON string literal
     */
    static String unquote(byte[] bytes, int from, int to) {
        if (to - from < 2 || bytes[from] != '"' || bytes[to - 1] != '"') {
            throw new IllegalArgumentException("not a JSON string literal");
        }
        String raw = new String(bytes, from + 1, to - from - 2, StandardCharsets.UTF_8);
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder text = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            if (++i >= raw.length()) {
                throw new IllegalArgumentException("JSON string literal ends in a backslash");
            }
            char e = raw.charAt(i);
            switch (e) {
                case '"', '\\', '/' -> text.append(e);
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    text.append(hex4(raw, i + 1));
                    i += 4;
                }
                default -> throw new IllegalArgumentException("bad escape \\" + e + " in a JSON string literal");
            }
        }
        return text.toString();
    }

    private static char hex4(String raw, int at) {
        if (at + 4 > raw.length()) {
            throw new IllegalArgumentException("short \\u escape in a JSON string literal");
        }
        int value = 0;
        for (int i = at; i < at + 4; i++) {
            int digit = Character.digit(raw.charAt(i), 16);
            if (digit < 0) {
                throw new IllegalArgumentException("bad \\u escape in a JSON string literal");
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }
}
