package dev.chat.reader.dialog;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A page of a dialog's history and where to go from it. */
@Schema(name = "MessagePage")
record HistoryPage(
        @Schema(description = "oldest first, whichever way the request paged")
        List<MessageView> messages,
        @Schema(description = "pass as `before` for the next older page; null when nothing is older",
                nullable = true)
        String older,
        @Schema(description = "pass as `after` for newer messages; present whenever the page is non-empty (on an"
                + " empty page: the cursor you sent, or null for a dialog without messages)", nullable = true)
        String newer) {
}
