package dev.chat.common.dialog;

import java.util.List;

/**
 * A page of a user's inbox, most recent activity first ({@link DialogStore#showInbox}).
 *
 * @param dialogs at most the requested number of entries
 * @param hasMore whether older entries follow the last one (at the time of the read)
 */
public record InboxPage(List<InboxEntry> dialogs, boolean hasMore) {

    public InboxPage {
        dialogs = List.copyOf(dialogs);
    }
}
