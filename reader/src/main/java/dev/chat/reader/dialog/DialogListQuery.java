package dev.chat.reader.dialog;

import dev.chat.common.dialog.PageCursor;
import dev.chat.reader.system.DialogListProperties;

/** The validated {@code limit}/{@code before} of a dialog list request, parsed by hand as {@link PageQuery} is. */
record DialogListQuery(int limit, PageCursor before) {

    static DialogListQuery parse(String limit, String before, DialogListProperties properties) {
        return new DialogListQuery(PageQuery.limit(limit, properties.defaultLimit(), properties.maxLimit()),
                PageQuery.cursor("before", before));
    }
}
