package dev.chat.boot.kafka;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The system's Kafka topics ({@code chat.kafka.topics.*}, {@code chat.kafka.partitions}, {@code chat.kafka.replicas}):
 * declared once, for every service that talks to the broker, by {@link KafkaTopicsAutoConfiguration}. Their default
 * values are {@link KafkaClientDefaults}', as properties rather than here, because the services' listeners name
 * their topics by placeholder ({@code ${chat.kafka.topics.message-commands}}).
 *
 * @param topics     the topic names; the gateway publishes commands and reads events and replies, the writer the
 *                   other way round
 * @param partitions partitions of every topic: the most writers (or gateway fan-out consumers) that can share one
 * @param replicas   replicas of every topic (1 for a single dev broker)
 */
@Validated
@ConfigurationProperties("chat.kafka")
public record ChatTopics(@Valid @NotNull Names topics, @Min(1) int partitions, @Min(1) short replicas) {

    /** Where the writer's error handler dead-letters records of {@code topic} (same partition number). */
    public static String deadLetter(String topic) {
        return topic + ".DLT";
    }

    public record Names(@NotBlank String messageCommands, @NotBlank String messageEvents,
                        @NotBlank String dialogCommands, @NotBlank String dialogReplies,
                        @NotBlank String readCommands, @NotBlank String liveSignals) {
    }
}
