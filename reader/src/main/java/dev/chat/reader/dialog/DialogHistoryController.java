package dev.chat.reader.dialog;

import java.util.UUID;

import dev.chat.reader.system.OpenApiConfig;
import dev.chat.reader.system.ReaderProperties;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cursor-paged history of the caller's dialog with one friend. */
@RestController
@RequestMapping("/api/v1/dialogs")
@Tag(name = OpenApiConfig.HISTORY_TAG)
class DialogHistoryController {

    private final MessageHistory history;
    private final ReaderProperties properties;

    DialogHistoryController(MessageHistory history, ReaderProperties properties) {
        this.history = history;
        this.properties = properties;
    }

    @GetMapping(path = "/{friend_id}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A page of your dialog with a friend",
            description = """
                    Without a cursor: the newest page. `before`: the page of messages strictly older than the
                    cursor; `after`: strictly newer (give at most one). Messages are always oldest first.
                    Follow `older` (as `before`) back to the start; follow `newer` (as `after`) to catch up:
                    an empty page, or one shorter than `limit`, means you have everything stored so far.
                    Cursors are exact (time, id) positions, so paging never skips or repeats a message,
                    also while new ones arrive.""")
    @ApiResponse(responseCode = "200", description = "the page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = HistoryPage.class)))
    @ApiResponse(responseCode = "400", description = "bad limit, both cursors, a bad cursor or a non-UUID friend_id",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "missing, invalid or expired token",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "you have no dialog with this user",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    byte[] messages(
            @Parameter(description = "the other participant's user id") @PathVariable("friend_id") UUID friendId,
            @Parameter(description = "page size, 1 to chat.reader.max-limit (200); default 50",
                    schema = @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "50"))
            @RequestParam(name = "limit", required = false) String limit,
            @Parameter(description = "cursor from `older`: return messages strictly older than it")
            @RequestParam(name = "before", required = false) String before,
            @Parameter(description = "cursor from `newer`: return messages strictly newer than it")
            @RequestParam(name = "after", required = false) String after,
            @Parameter(hidden = true) Authentication caller) {
        PageQuery query = PageQuery.parse(limit, before, after, properties);
        return history.page(Callers.id(caller), friendId, query);
    }
}
