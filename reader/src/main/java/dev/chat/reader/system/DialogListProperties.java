package dev.chat.reader.system;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the dialog list, {@code GET /api/v1/dialogs} ({@code chat.reader.dialog-list.*}).
 *
 * @param defaultLimit dialogs per page when the client gives no {@code limit}
 * @param maxLimit     the largest {@code limit} a client may ask for; above it the request is a 400
 */
@Validated
@ConfigurationProperties("chat.reader.dialog-list")
public record DialogListProperties(@Min(1) @Max(100) int defaultLimit, @Min(1) @Max(100) int maxLimit) {

    public DialogListProperties {
        if (defaultLimit > maxLimit) {
            throw new IllegalArgumentException("reader: chat.reader.dialog-list.default-limit (" + defaultLimit
                    + ") must not exceed chat.reader.dialog-list.max-limit (" + maxLimit + ")");
        }
    }
}
