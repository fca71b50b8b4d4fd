package dev.chat.writer.system;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The writer's side of Kafka ({@code chat.kafka.*} in {@code writer.yml}): its groups, parallelism, batches and
 * retries. The topics, their sizes and their dead-letter twins are chat-boot's {@link dev.chat.boot.kafka.ChatTopics}
 * (the same prefix), declared there once for every service.
 *
 * @param groups      consumer groups
 * @param concurrency consumers per listener in one writer process
 * @param batchSize   most message commands one consumer takes per poll ({@code max.poll.records}); they are
 *                    written with one store call and their events awaited together. A failed batch is handled
 *                    again one command at a time, so a poll may take up to twice the store's and the event's
 *                    timeouts (plus the back-off); that must stay below the consumer's
 *                    {@code max.poll.interval.ms} (5 minutes)
 * @param sendTimeout how long a listener waits for an event or reply to be acknowledged by the brokers
 * @param retry       back-off of failed records
 */
@Validated
@ConfigurationProperties("chat.kafka")
public record KafkaSettings(@Valid @NotNull Groups groups, @Min(1) int concurrency, @Min(1) int batchSize,
                            @NotNull Duration sendTimeout,
                            @Valid @NotNull Retry retry) {

    public record Groups(@NotBlank String messages, @NotBlank String dialogs, @NotBlank String reads) {
    }

    /**
     * @param initialInterval    first pause after a failure
     * @param multiplier         growth of the pause per failure
     * @param maxInterval        cap of the pause; transient failures (Redis or Kafka unreachable) are retried
     *                           at this pace forever, the partition waits
     * @param unexpectedAttempts deliveries of a record failing with an unclassified error before it goes to
     *                           the dead-letter topic
     */
    public record Retry(@NotNull Duration initialInterval, @DecimalMin("1.0") double multiplier,
                        @NotNull Duration maxInterval, @Min(1) int unexpectedAttempts) {
    }
}
