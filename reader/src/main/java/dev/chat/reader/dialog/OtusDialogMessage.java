package dev.chat.reader.dialog;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** The OTUS API's {@code DialogMessage}. */
@Schema(name = "DialogMessage")
record OtusDialogMessage(
        @Schema(description = "author's user id") UUID from,
        @Schema(description = "the other participant's user id") UUID to,
        @Schema(description = "the text") String text) {
}
