package dev.chat.reader.dialog;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.InboxEntry;
import dev.chat.common.dialog.InboxPage;
import dev.chat.common.dialog.PageCursor;
import io.swagger.v3.oas.annotations.media.Schema;

/** A page of the caller's dialogs, most recent activity first, and the cursor to the older ones. */
@Schema(name = "DialogList")
record DialogListPage(
        @Schema(description = "most recent activity first") List<Summary> dialogs,
        @Schema(description = "pass as `before` for the next page; null when no dialog is older", nullable = true)
        String older) {

    static DialogListPage of(InboxPage page) {
        List<InboxEntry> entries = page.dialogs();
        String older = page.hasMore() ? entries.get(entries.size() - 1).cursor().encode() : null;
        return new DialogListPage(entries.stream().map(Summary::of).toList(), older);
    }

    /** One dialog as its user sees it. */
    @Schema(name = "DialogSummary")
    record Summary(
            @JsonProperty("dialog_id") UUID dialogId,
            @JsonProperty("friend_id") @Schema(description = "the other participant") UUID friendId,
            @Schema(description = "the dialog's name, may be empty") String name,
            @JsonProperty("last_message") @Schema(description = "the newest message; null before the first", nullable = true)
            LastMessage lastMessage,
            @Schema(description = "the friend's messages after `read_up_to`") long unread,
            @JsonProperty("read_up_to") @Schema(description = "the last message you read", nullable = true)
            UUID readUpTo,
            @JsonProperty("friend_read_up_to") @Schema(description = "the last message the friend read", nullable = true)
            UUID friendReadUpTo) {

        static Summary of(InboxEntry entry) {
            ChatMessage last = entry.lastMessage();
            return new Summary(entry.dialogId(), entry.friendId(), entry.name(),
                    last == null ? null : new LastMessage(last.id(), last.authorId(), last.message(), last.ts()),
                    entry.unread(), idOf(entry.readUpTo()), idOf(entry.friendReadUpTo()));
        }

        private static UUID idOf(PageCursor marker) {
            return marker == null ? null : marker.id();
        }
    }

    /** The newest message of a dialog. */
    @Schema(name = "LastMessage")
    record LastMessage(UUID id, @JsonProperty("author_id") UUID authorId, String message, long ts) {
    }
}
