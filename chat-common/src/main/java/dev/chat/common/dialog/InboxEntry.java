package dev.chat.common.dialog;

import java.util.Objects;
import java.util.UUID;

/**
 * One dialog in a user's inbox ({@link DialogStore#showInbox}), as that user sees it.
 *
 * @param dialogId       the dialog
 * @param friendId       the other user of the dialog
 * @param name           the dialog's name (never null, may be empty)
 * @param activity       last activity in epoch ms: the newest message's {@code ts}, or when the dialog entered the
 *                       inbox while it has no message; the inbox is ordered by {@code (activity, dialogId)}, newest first
 * @param lastMessage    the newest message of the dialog by {@code (ts, id)}, or null when it has none
 * @param unread         how many of the friend's messages come after {@code readUpTo} (all of them when it is null)
 * @param readUpTo       this user's read marker: the position of the last message read, or null
 * @param friendReadUpTo the friend's read marker in the same dialog, or null
 */
public record InboxEntry(UUID dialogId, UUID friendId, String name, long activity, ChatMessage lastMessage,
                         long unread, PageCursor readUpTo, PageCursor friendReadUpTo) {

    public InboxEntry {
        Objects.requireNonNull(dialogId, "dialogId");
        Objects.requireNonNull(friendId, "friendId");
        name = name == null ? "" : name;
    }

    /** The exclusive bound of the next (older) page when this entry is the last of a page. */
    public PageCursor cursor() {
        return new PageCursor(activity, dialogId);
    }
}
