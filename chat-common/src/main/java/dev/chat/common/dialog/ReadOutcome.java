package dev.chat.common.dialog;

import java.util.Objects;

/**
 * Result of {@link DialogStore#markRead}.
 *
 * @param status   what the call did
 * @param readUpTo the reader's marker after the call: the given position when {@link Status#MOVED}, the one that
 *                 holds (at or after the given one) when {@link Status#UNCHANGED}, null for
 *                 {@link Status#NO_SUCH_MESSAGE} (the marker is not looked at)
 */
public record ReadOutcome(Status status, PageCursor readUpTo) {

    public enum Status {
        /** The marker moved forward to the given message. */
        MOVED,
        /** The marker already was at or after the given message; nothing changed (a replay, or an older read). */
        UNCHANGED,
        /** No message with that id is stored at that {@code ts} in the dialog; nothing changed. */
        NO_SUCH_MESSAGE
    }

    public ReadOutcome {
        Objects.requireNonNull(status, "status");
    }
}
