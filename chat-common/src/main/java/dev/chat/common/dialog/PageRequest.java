package dev.chat.common.dialog;

import java.util.Objects;

/**
 * Which page of a dialog to read.
 *
 * @param direction {@link Direction#OLDER}: newest-first, strictly before {@code cursor} (from the newest
 *                  message when the cursor is null); {@link Direction#NEWER}: oldest-first, strictly after
 *                  {@code cursor} (from the oldest message when null)
 * @param cursor    exclusive bound, or null
 * @param limit     1..{@link #MAX_LIMIT}
 */
public record PageRequest(Direction direction, PageCursor cursor, int limit) {

    /** Hard ceiling enforced by every store, whatever an API allows. */
    public static final int MAX_LIMIT = 1000;

    public enum Direction { OLDER, NEWER }

    public PageRequest {
        Objects.requireNonNull(direction, "direction");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }

    public static PageRequest newest(int limit) {
        return new PageRequest(Direction.OLDER, null, limit);
    }
}
