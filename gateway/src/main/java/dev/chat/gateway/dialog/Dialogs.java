package dev.chat.gateway.dialog;

import java.util.Optional;
import java.util.UUID;

import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogCreation;

/**
 * The gateway's view of dialogs: reads come from Redis (through a cache), creation goes to the writer over
 * Kafka. Thread-safe. Failures of Redis, Kafka or the writer surface as 503 problems (nothing was done, the
 * client may retry); a missing friend as a 404 {@code friend-not-found}.
 */
public interface Dialogs {

    /** The dialog of the two users in either order, if it exists. Never creates anything. */
    Optional<Dialog> find(UUID userId, UUID friendId);

    /**
     * The dialog of the two users, created (owned by {@code userId}) when there is none. Idempotent: asking
     * again, or the friend asking at the same time, gives the same dialog with {@code created == false}.
     */
    DialogCreation open(UUID userId, UUID friendId, String name);
}
