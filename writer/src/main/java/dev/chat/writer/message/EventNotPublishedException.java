package dev.chat.writer.message;

/**
 * An event (or reply) could not be handed to Kafka in time. Transient by nature: the command is retried
 * and the idempotent store turns the retry into a duplicate write followed by a new publish attempt.
 */
public class EventNotPublishedException extends RuntimeException {

    public EventNotPublishedException(String message, Throwable cause) {
        super(message, cause);
    }
}
