package dev.chat.reader.dialog;

import dev.chat.common.dialog.DialogStore;
import dev.chat.reader.system.DialogListProperties;
import dev.chat.reader.system.OpenApiConfig;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's dialogs by last activity, each with its last message, unread count and read markers. */
@RestController
@Tag(name = OpenApiConfig.HISTORY_TAG)
class DialogListController {

    private final DialogStore store;
    private final DialogListProperties properties;

    DialogListController(DialogStore store, DialogListProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @GetMapping(path = "/api/v1/dialogs", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Your dialogs, most recent activity first",
            description = """
                    Each dialog with its last message (null before the first), how many of the friend's messages
                    come after your read marker, and both read markers (message ids, null before the first read).
                    Follow `older` (as `before`) for the next page. Activity changes as messages arrive, so a
                    dialog can move between two pages: read the first page again to see new activity.""")
    @ApiResponse(responseCode = "200", description = "the page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = DialogListPage.class)))
    @ApiResponse(responseCode = "400", description = "bad limit or a bad cursor",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "missing, invalid or expired token",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    DialogListPage dialogs(
            @Parameter(description = "page size, 1 to chat.reader.dialog-list.max-limit (100); default 20",
                    schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(name = "limit", required = false) String limit,
            @Parameter(description = "cursor from `older`: return dialogs with older activity than it")
            @RequestParam(name = "before", required = false) String before,
            @Parameter(hidden = true) Authentication caller) {
        DialogListQuery query = DialogListQuery.parse(limit, before, properties);
        return DialogListPage.of(store.showInbox(Callers.id(caller), query.before(), query.limit()));
    }
}
