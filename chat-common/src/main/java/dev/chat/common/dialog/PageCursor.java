package dev.chat.common.dialog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * A position between messages of one dialog: the (score, id) of a message. Messages are totally ordered
 * by (ts, id), so a page that starts strictly after (or before) a cursor never repeats or skips one.
 * Clients see it only in its opaque {@link #encode() encoded} form.
 */
public record PageCursor(long ts, UUID id) {

    public PageCursor {
        Objects.requireNonNull(id, "id");
    }

    public String encode() {
        String raw = ts + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * @throws IllegalArgumentException when the text is not a cursor this class made
     */
    public static PageCursor decode(String encoded) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
            int colon = raw.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new PageCursor(Long.parseLong(raw.substring(0, colon)), UUID.fromString(raw.substring(colon + 1)));
        } catch (IllegalArgumentException e) { // also NumberFormatException
            throw new IllegalArgumentException("malformed cursor: " + e.getMessage(), e);
        }
    }
}
