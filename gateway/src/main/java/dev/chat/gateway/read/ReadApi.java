package dev.chat.gateway.read;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Bodies of the read-marker endpoint. */
public final class ReadApi {

    private ReadApi() {
    }

    /**
     * A read marker over HTTP or WebSocket: both validate it by these constraints, in {@link ReadService#read}.
     *
     * @param messageId the last message of the dialog the user has read (UUIDv7: its ts is part of it)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReadRequest(@NotNull UUID messageId) {
    }

    /** The read command was durably handed to Kafka; the writer moves the marker shortly and both users get a receipt. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReadAccepted(UUID dialogId, UUID messageId) {
    }
}
