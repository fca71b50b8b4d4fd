package dev.chat.gateway.friend;

import java.util.UUID;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A friend as {@code GET /api/v1/friends} lists it; {@code online}: with a session on some gateway now. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record FriendView(UUID id, String firstName, String secondName, boolean online) {

    FriendView withOnline(boolean now) {
        return new FriendView(id, firstName, secondName, now);
    }
}
