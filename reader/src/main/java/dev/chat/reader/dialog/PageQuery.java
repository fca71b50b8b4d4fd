package dev.chat.reader.dialog;

import dev.chat.boot.problem.ProblemType;
import dev.chat.common.dialog.PageCursor;
import dev.chat.common.dialog.PageRequest.Direction;
import dev.chat.common.dialog.PageRequest;
import dev.chat.reader.system.InvalidRequestException;
import dev.chat.reader.system.ReaderProperties;

/**
 * The validated {@code limit}/{@code before}/{@code after} of a history request. Parsed by hand rather than
 * bound by Spring so that every malformed value gets a 400 that names the parameter, and an empty value is
 * an error rather than silently "absent".
 */
record PageQuery(int limit, PageCursor before, PageCursor after) {

    /** Cursor times beyond this cannot be a message's: scores are epoch millis of at most 15 digits. */
    static final long MAX_CURSOR_TS = 999_999_999_999_999L;

    static PageQuery parse(String limit, String before, String after, ReaderProperties properties) {
        if (before != null && after != null) {
            throw new InvalidRequestException(ProblemType.VALIDATION,
                    "give at most one of before and after: before pages to older messages, after to newer");
        }
        return new PageQuery(limit(limit, properties.defaultLimit(), properties.maxLimit()), cursor("before", before),
                cursor("after", after));
    }

    PageRequest toRequest() {
        return after != null
                ? new PageRequest(Direction.NEWER, after, limit)
                : new PageRequest(Direction.OLDER, before, limit);
    }

    /** {@code raw} as a limit of 1..max, {@code otherwise} when absent; a 400 {@code validation} problem else. */
    static int limit(String raw, int otherwise, int max) {
        if (raw == null) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the same message as a number out of range
        }
        throw new InvalidRequestException(ProblemType.VALIDATION,
                "limit must be a whole number from 1 to " + max + " (default " + otherwise + ")");
    }

    /** The cursor in parameter {@code name}, or null when absent; a 400 {@code bad-cursor} when not one of ours. */
    static PageCursor cursor(String name, String raw) {
        if (raw == null) {
            return null;
        }
        PageCursor cursor;
        try {
            cursor = PageCursor.decode(raw);
        } catch (IllegalArgumentException e) {
            cursor = null;
        }
        // A decodable cursor with an impossible time was not made by us; the store would reject it as a bug.
        if (cursor == null || cursor.ts() < 0 || cursor.ts() > MAX_CURSOR_TS) {
            throw new InvalidRequestException(ProblemType.BAD_CURSOR,
                    name + " is not a cursor from this API; pass the older or newer value of a previous page");
        }
        return cursor;
    }
}
