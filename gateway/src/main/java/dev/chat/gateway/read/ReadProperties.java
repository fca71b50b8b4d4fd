package dev.chat.gateway.read;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param rate  sustained read markers per second per user on this gateway, HTTP and WebSocket together; beyond:
 *              429 {@code rate-limited} (an error frame on the WebSocket). A budget of its own: reading never
 *              spends the user's sends
 * @param burst read markers a user may set at once before {@code rate} applies
 */
@Validated
@ConfigurationProperties("chat.reads")
record ReadProperties(@Positive @DefaultValue("20") double rate, @Min(1) @DefaultValue("40") int burst) {
}
