package dev.chat.reader.dialog;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.Arrays;
import java.util.List;

import dev.chat.common.dialog.EncodedMessage;

/**
 * The reader's response bodies, written straight from the stored messages' bytes ({@link EncodedMessage}): a
 * stored message already is the JSON of {@link MessageView} (same fields, same order), and its author id and text
 * literal sit at known places, so a page is copied, never decoded and encoded again. The shapes are those of
 * {@link HistoryPage} and {@link OtusDialogMessage}, which document them (OpenAPI) and which clients and tests
 * read them as.
 */
final class JsonPages {

    private static final byte[] MESSAGES = "{\"messages\":[".getBytes(US_ASCII);
    private static final byte[] OLDER = "],\"older\":".getBytes(US_ASCII);
    private static final byte[] NEWER = ",\"newer\":".getBytes(US_ASCII);
    private static final byte[] NULL = "null".getBytes(US_ASCII);
    private static final byte[] FROM = "{\"from\":\"".getBytes(US_ASCII);
    private static final byte[] COMMA_FROM = ",{\"from\":\"".getBytes(US_ASCII);
    private static final byte[] TO = "\",\"to\":\"".getBytes(US_ASCII);
    private static final byte[] TEXT = "\",\"text\":".getBytes(US_ASCII);

    private JsonPages() {
    }

    /** {@link HistoryPage}: the messages as stored, oldest first; cursors are base64url, so need no escaping. */
    static byte[] history(List<EncodedMessage> oldestFirst, String older, String newer) {
        Bytes out = new Bytes(64 + size(oldestFirst));
        out.add(MESSAGES);
        for (int i = 0; i < oldestFirst.size(); i++) {
            if (i > 0) {
                out.add((byte) ',');
            }
            byte[] message = oldestFirst.get(i).bytes();
            out.add(message, 0, message.length);
        }
        out.add(OLDER);
        cursor(out, older);
        out.add(NEWER);
        cursor(out, newer);
        out.add((byte) '}');
        return out.toArray();
    }

    /**
     * A list of {@link OtusDialogMessage}, oldest first: {@code from} the author, {@code to} the other one of the
     * two users ({@code caller} and {@code friend}, as the ASCII bytes of their ids), {@code text} the stored
     * literal.
     */
    static byte[] otus(List<EncodedMessage> oldestFirst, byte[] caller, byte[] friend) {
        Bytes out = new Bytes(2 + size(oldestFirst));
        out.add((byte) '[');
        for (int i = 0; i < oldestFirst.size(); i++) {
            EncodedMessage message = oldestFirst.get(i);
            byte[] bytes = message.bytes();
            out.add(i == 0 ? FROM : COMMA_FROM);
            out.add(bytes, EncodedMessage.AUTHOR_ID_OFFSET, EncodedMessage.AUTHOR_ID_OFFSET + EncodedMessage.UUID_LENGTH);
            out.add(TO);
            out.add(message.authorIs(caller) ? friend : caller);
            out.add(TEXT);
            out.add(bytes, EncodedMessage.TEXT_OFFSET, message.textEnd());
            out.add((byte) '}');
        }
        out.add((byte) ']');
        return out.toArray();
    }

    private static void cursor(Bytes out, String cursor) {
        if (cursor == null) {
            out.add(NULL);
        } else {
            out.add((byte) '"');
            out.add(cursor.getBytes(US_ASCII));
            out.add((byte) '"');
        }
    }

    private static int size(List<EncodedMessage> messages) {
        int size = 0;
        for (EncodedMessage message : messages) {
            size += message.bytes().length + 1;
        }
        return size;
    }

    /** A growable byte array without the locking of ByteArrayOutputStream. */
    private static final class Bytes {
        private byte[] buffer;
        private int length;

        Bytes(int capacity) {
            buffer = new byte[capacity];
        }

        void add(byte b) {
            ensure(1);
            buffer[length++] = b;
        }

        void add(byte[] bytes) {
            add(bytes, 0, bytes.length);
        }

        void add(byte[] bytes, int from, int to) {
            ensure(to - from);
            System.arraycopy(bytes, from, buffer, length, to - from);
            length += to - from;
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }

        byte[] toArray() {
            return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
        }
    }
}
