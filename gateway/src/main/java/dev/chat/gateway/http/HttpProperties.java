package dev.chat.gateway.http;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * HTTP edge settings.
 *
 * @param maxBodySize largest request body accepted (413 beyond); a 4096-character message fits many times
 * @param retryAfter  what 503 answers put in {@code Retry-After}
 */
@Validated
@ConfigurationProperties("chat.http")
public record HttpProperties(@NotNull @DefaultValue("64KB") DataSize maxBodySize,
                             @NotNull @DefaultValue("1s") Duration retryAfter) {
}
