package dev.chat.common.dialog;

import java.util.UUID;

/** The brief's {@code DialogNotFoundError}: the two users have no dialog (yet). */
public class DialogNotFoundException extends RuntimeException {

    private final UUID userId;
    private final UUID friendId;

    public DialogNotFoundException(UUID userId, UUID friendId) {
        super("no dialog between " + userId + " and " + friendId);
        this.userId = userId;
        this.friendId = friendId;
    }

    public UUID userId() {
        return userId;
    }

    public UUID friendId() {
        return friendId;
    }
}
