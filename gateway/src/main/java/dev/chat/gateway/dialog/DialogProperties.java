package dev.chat.gateway.dialog;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param cacheSize how many dialogs' metadata the gateway keeps in memory (it never changes once created, so
 *                  entries are only evicted for size)
 */
@Validated
@ConfigurationProperties("chat.dialogs")
record DialogProperties(@Min(0) @DefaultValue("100000") long cacheSize) {
}
