package dev.chat.boot.store;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code chat.dialogs.*}, the same keys in every service.
 *
 * @param cacheSize how many dialogs' metadata a process keeps in memory ({@link DialogDirectory}; 0 = none); entries
 *                  leave only for size, since the metadata never changes
 * @param migrate   with {@code chat.store=postgres}: whether this service migrates the dialog tables at start. The
 *                  writer and the reader do, so neither depends on the other's start order; the gateway only reads
 *                  dialogs and sets it to false (it answers 503 and is not ready until the tables exist)
 */
@Validated
@ConfigurationProperties("chat.dialogs")
record ChatDialogsProperties(@Min(0) @DefaultValue("100000") long cacheSize, @DefaultValue("true") boolean migrate) {
}
