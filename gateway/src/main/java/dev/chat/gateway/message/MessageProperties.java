package dev.chat.gateway.message;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param clientIdTtl        how long a (user, client_id) answer is remembered for retries
 * @param clientIdMaxEntries how many such answers are remembered at most (oldest go first)
 * @param sendRate           sustained sends per second per user on this gateway, HTTP and WebSocket together;
 *                           beyond: 429 {@code rate-limited} (an error frame on the WebSocket)
 * @param sendBurst          sends a user may make at once before {@code sendRate} applies
 */
@Validated
@ConfigurationProperties("chat.messages")
record MessageProperties(@NotNull @DefaultValue("PT10M") Duration clientIdTtl,
                         @Min(1) @DefaultValue("100000") long clientIdMaxEntries,
                         @Positive @DefaultValue("20") double sendRate,
                         @Min(1) @DefaultValue("40") int sendBurst) {
}
