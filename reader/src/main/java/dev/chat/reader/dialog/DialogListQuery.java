package dev.chat.reader.dialog;

import dev.chat.boot.problem.ProblemType;
import dev.chat.common.dialog.PageCursor;
import dev.chat.reader.system.DialogListProperties;
import dev.chat.reader.system.InvalidRequestException;

/** The validated {@code limit}/{@code before} of a dialog list request, parsed by hand as {@link PageQuery} is. */
record DialogListQuery(int limit, PageCursor before) {

    static DialogListQuery parse(String limit, String before, DialogListProperties properties) {
        return new DialogListQuery(limit(limit, properties), PageQuery.cursor("before", before));
    }

    private static int limit(String raw, DialogListProperties properties) {
        if (raw == null) {
            return properties.defaultLimit();
        }
        int max = properties.maxLimit();
        try {
            int value = Integer.parseInt(raw);
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the same message as a number out of range
        }
        throw new InvalidRequestException(ProblemType.VALIDATION,
                "limit must be a whole number from 1 to " + max + " (default " + properties.defaultLimit() + ")");
    }
}
