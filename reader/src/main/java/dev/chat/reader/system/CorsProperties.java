package dev.chat.reader.system;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which browser pages may read history cross-origin: the gateway's web client is served from the gateway's
 * origin and calls this reader directly ({@code chat.reader.cors-allowed-origins}).
 *
 * @param corsAllowedOrigins origins or Spring origin patterns ({@code http://127.0.0.1:[*]}: any port); empty: no cross-origin reads
 */
@Validated
@ConfigurationProperties("chat.reader")
record CorsProperties(@NotNull @DefaultValue({"http://127.0.0.1:8080", "http://localhost:8080"}) List<String> corsAllowedOrigins) {
}
