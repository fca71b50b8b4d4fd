package dev.chat.gateway.dialog;

import java.util.UUID;

import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogCreation;
import dev.chat.gateway.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code POST /api/v1/dialogs}: 201 with the new dialog, or 200 with the one the two users already have. */
@RestController
class DialogController {

    private final DialogService dialogs;

    DialogController(DialogService dialogs) {
        this.dialogs = dialogs;
    }

    @PostMapping("/api/v1/dialogs")
    ResponseEntity<DialogResponse> create(Caller caller, @Valid @RequestBody CreateDialogRequest request) {
        DialogCreation creation = dialogs.open(caller.id(), request.friendId(), request.name());
        return ResponseEntity.status(creation.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(DialogResponse.of(creation.dialog()));
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CreateDialogRequest(@NotNull UUID friendId,
                               // the SQL store keeps names as text, which cannot hold NUL; refused for both stores
                               @Size(max = 200) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL (U+0000)") String name) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DialogResponse(UUID id, String name, UUID ownerId) {
        static DialogResponse of(Dialog dialog) {
            return new DialogResponse(dialog.id(), dialog.name(), dialog.ownerId());
        }
    }
}
