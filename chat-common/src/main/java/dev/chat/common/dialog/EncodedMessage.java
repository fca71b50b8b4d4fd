package dev.chat.common.dialog;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * One stored message in its stored encoding: the JSON object
 * {@code {"id":"<uuid>","author_id":"<uuid>","chat_id":"<uuid>","message":<JSON string>,"ts":<digits>}} in UTF-8,
 * fields in exactly this order, lower-case UUIDs, no white space. It is the member layout the {@code chat} Redis
 * Functions library writes (chat.lua fixes it), and the SQL store produces the same, so that a service can pass
 * stored messages through to its clients without decoding them: the ids sit at fixed offsets and the text is a
 * ready JSON string literal. Immutable: {@link #bytes()} must not be modified.
 */
public final class EncodedMessage {

    /** Length of a canonical UUID string. */
    public static final int UUID_LENGTH = 36;
    /** Offset of the message id in {@link #bytes()}. */
    public static final int ID_OFFSET = 7;
    /** Offset of the author's id in {@link #bytes()}. */
    public static final int AUTHOR_ID_OFFSET = 58;
    /** Offset of the dialog id in {@link #bytes()}. */
    public static final int CHAT_ID_OFFSET = 107;
    /** Offset of the text's JSON string literal (its opening quote) in {@link #bytes()}. */
    public static final int TEXT_OFFSET = 155;

    private static final byte[][] LITERALS = {"{\"id\":\"".getBytes(US_ASCII), "\",\"author_id\":\"".getBytes(US_ASCII),
            "\",\"chat_id\":\"".getBytes(US_ASCII), "\",\"message\":".getBytes(US_ASCII)};
    private static final int[] LITERAL_AT = {0, ID_OFFSET + UUID_LENGTH, AUTHOR_ID_OFFSET + UUID_LENGTH,
            CHAT_ID_OFFSET + UUID_LENGTH};
    private static final byte[] TS_FIELD = ",\"ts\":".getBytes(US_ASCII);
    /** Epoch milliseconds of at most 15 digits, as the Redis functions accept them. */
    private static final int MAX_TS_DIGITS = 15;

    private final byte[] bytes;
    private final int textEnd;
    private final long ts;

    private EncodedMessage(byte[] bytes, int textEnd, long ts) {
        this.bytes = bytes;
        this.textEnd = textEnd;
        this.ts = ts;
    }

    /**
     * Checks the layout (fixed fields at their offsets, a string literal for the text, digits for ts) without
     * decoding anything, and wraps the bytes without copying them.
     *
     * @throws IllegalArgumentException when the bytes do not have the stored layout
     */
    public static EncodedMessage of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        int n = bytes.length;
        if (n < TEXT_OFFSET + 2 + TS_FIELD.length + 2 || bytes[n - 1] != '}') {
            throw malformed(bytes);
        }
        for (int i = 0; i < LITERALS.length; i++) {
            if (!Arrays.equals(bytes, LITERAL_AT[i], LITERAL_AT[i] + LITERALS[i].length, LITERALS[i], 0, LITERALS[i].length)) {
                throw malformed(bytes);
            }
        }
        int digits = n - 1;
        long ts = 0;
        long scale = 1;
        while (digits > 0 && bytes[digits - 1] >= '0' && bytes[digits - 1] <= '9' && n - 1 - digits < MAX_TS_DIGITS) {
            digits--;
            ts += (bytes[digits] - '0') * scale;
            scale *= 10;
        }
        int textEnd = digits - TS_FIELD.length;
        if (digits == n - 1 || textEnd <= TEXT_OFFSET + 1 || bytes[TEXT_OFFSET] != '"' || bytes[textEnd - 1] != '"'
                || !Arrays.equals(bytes, textEnd, digits, TS_FIELD, 0, TS_FIELD.length)) {
            throw malformed(bytes);
        }
        return new EncodedMessage(bytes, textEnd, ts);
    }

    /** The stored encoding of a message, as the Redis library writes it. */
    public static EncodedMessage encode(ChatMessage message) {
        return withLiteral(message.id(), message.authorId(), message.chatId(), JsonStrings.quote(message.message()),
                message.ts());
    }

    /** The stored encoding from a text given as its UTF-8 bytes (the SQL store's column). */
    public static EncodedMessage encode(UUID id, UUID authorId, UUID chatId, byte[] utf8Text, long ts) {
        return withLiteral(id, authorId, chatId, JsonStrings.quote(utf8Text), ts);
    }

    private static EncodedMessage withLiteral(UUID id, UUID authorId, UUID chatId, byte[] textLiteral, long ts) {
        if (ts < 0) {
            throw new IllegalArgumentException("ts must be epoch milliseconds >= 0, was " + ts);
        }
        byte[] digits = Long.toString(ts).getBytes(US_ASCII);
        byte[] out = new byte[TEXT_OFFSET + textLiteral.length + TS_FIELD.length + digits.length + 1];
        UUID[] ids = {id, authorId, chatId};
        for (int i = 0; i < LITERALS.length; i++) {
            System.arraycopy(LITERALS[i], 0, out, LITERAL_AT[i], LITERALS[i].length);
            if (i < ids.length) {
                byte[] uuid = ids[i].toString().getBytes(US_ASCII);
                System.arraycopy(uuid, 0, out, LITERAL_AT[i] + LITERALS[i].length, UUID_LENGTH);
            }
        }
        int at = TEXT_OFFSET;
        System.arraycopy(textLiteral, 0, out, at, textLiteral.length);
        at += textLiteral.length;
        System.arraycopy(TS_FIELD, 0, out, at, TS_FIELD.length);
        at += TS_FIELD.length;
        System.arraycopy(digits, 0, out, at, digits.length);
        out[out.length - 1] = '}';
        return new EncodedMessage(out, TEXT_OFFSET + textLiteral.length, ts);
    }

    /** The whole JSON object. Shared, not copied: do not modify. */
    public byte[] bytes() {
        return bytes;
    }

    /** End (exclusive) of the text's JSON string literal, which starts at {@link #TEXT_OFFSET}. */
    public int textEnd() {
        return textEnd;
    }

    /** The creation time, epoch milliseconds. */
    public long ts() {
        return ts;
    }

    public UUID id() {
        return uuidAt(ID_OFFSET);
    }

    /** Whether the author is the user whose id is {@code asciiUuid} (its canonical lower-case string's bytes). */
    public boolean authorIs(byte[] asciiUuid) {
        return Arrays.equals(bytes, AUTHOR_ID_OFFSET, AUTHOR_ID_OFFSET + UUID_LENGTH, asciiUuid, 0, asciiUuid.length);
    }

    /** The position of this message in its dialog, for paging cursors. */
    public PageCursor cursor() {
        return new PageCursor(ts, id());
    }

    /** Decodes every field. */
    public ChatMessage decode() {
        String text = JsonStrings.unquote(bytes, TEXT_OFFSET, textEnd);
        return new ChatMessage(id(), uuidAt(AUTHOR_ID_OFFSET), uuidAt(CHAT_ID_OFFSET), text, ts);
    }

    private UUID uuidAt(int offset) {
        try {
            return UUID.fromString(new String(bytes, offset, UUID_LENGTH, US_ASCII));
        } catch (IllegalArgumentException e) {
            throw malformed(bytes);
        }
    }

    private static IllegalArgumentException malformed(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 200), java.nio.charset.StandardCharsets.UTF_8);
        return new IllegalArgumentException("not a stored message: " + start + (bytes.length > 200 ? "…" : ""));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncodedMessage that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
