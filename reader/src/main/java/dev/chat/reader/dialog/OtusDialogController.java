package dev.chat.reader.dialog;

import java.util.UUID;

import dev.chat.reader.system.OpenApiConfig;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /dialog/{user_id}/list} of the OTUS social-network API, for its existing clients and load tests. */
@RestController
@Tag(name = OpenApiConfig.OTUS_TAG)
class OtusDialogController {

    private final MessageHistory history;

    OtusDialogController(MessageHistory history) {
        this.history = history;
    }

    @GetMapping(path = "/dialog/{user_id}/list", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Your dialog with a user (OTUS API)",
            description = """
                    The newest chat.reader.otus-list-limit messages (default 100) of your dialog with user_id,
                    oldest first. For older messages use GET /api/v1/dialogs/{friend_id}/messages.
                    Unlike the original OTUS API, a user you have no dialog with is a 404 problem.""")
    @ApiResponse(responseCode = "200", description = "the dialog between the two users",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @ArraySchema(schema = @Schema(implementation = OtusDialogMessage.class))))
    @ApiResponse(responseCode = "400", description = "user_id is not a UUID",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "missing, invalid or expired token",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "you have no dialog with this user",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    byte[] list(
            @Parameter(description = "the other participant's user id") @PathVariable("user_id") UUID userId,
            @Parameter(hidden = true) Authentication caller) {
        return history.otusList(Callers.id(caller), userId);
    }
}
