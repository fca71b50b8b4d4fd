package dev.chat.reader.system;

import dev.chat.common.dialog.PageRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the read API ({@code chat.reader.*}).
 *
 * @param defaultLimit     page size when the client gives no {@code limit}
 * @param maxLimit         the largest {@code limit} a client may ask for; above it the request is a 400
 * @param otusListLimit    how many of the newest messages {@code GET /dialog/{user_id}/list} returns
 */
@Validated
@ConfigurationProperties("chat.reader")
public record ReaderProperties(
        @Min(1) @Max(PageRequest.MAX_LIMIT) int defaultLimit,
        @Min(1) @Max(PageRequest.MAX_LIMIT) int maxLimit,
        @Min(1) @Max(PageRequest.MAX_LIMIT) int otusListLimit) {

    public ReaderProperties {
        if (defaultLimit > maxLimit) {
            throw new IllegalArgumentException("reader: chat.reader.default-limit (" + defaultLimit
                    + ") must not exceed chat.reader.max-limit (" + maxLimit + ")");
        }
    }
}
