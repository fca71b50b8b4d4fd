package dev.chat.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.InboxEntry;
import dev.chat.common.dialog.PageCursor;
import dev.chat.common.dialog.ReadOutcome;
import dev.chat.common.dialog.ReadOutcome.Status;
import org.junit.jupiter.api.Test;

/**
 * Read markers and unread counts, part of the {@link DialogStoreContract}: {@code markRead} moves a marker only
 * forward, to a message the dialog holds ({@code hasMessage} answers the same check, read-only), and the unread count
 * is the friend's messages after it, also for messages that arrive late.
 */
public abstract class ReadMarkerContract extends InboxContract {

    @Test
    public void unreadCountsTheFriendsMessagesAfterTheMarker() {
        Pair pair = newPair();
        List<ChatMessage> theirs = List.of(from(pair.friend(), pair, "1", 1), from(pair.friend(), pair, "2", 2),
                from(pair.friend(), pair, "3", 3));
        theirs.forEach(m -> keep(pair, m));
        keep(pair, from(pair.user(), pair, "mine", 4));
        assertThat(entry(pair.user(), pair).unread()).isEqualTo(3);
        assertThat(entry(pair.friend(), pair).unread()).isEqualTo(1);

        ReadOutcome read = store().markRead(pair.user(), pair.friend(), pair.dialogId(), theirs.get(1).cursor());

        assertThat(read).isEqualTo(new ReadOutcome(Status.MOVED, theirs.get(1).cursor()));
        InboxEntry mine = entry(pair.user(), pair);
        assertThat(mine.unread()).isEqualTo(1);
        assertThat(mine.readUpTo()).isEqualTo(theirs.get(1).cursor());
        assertThat(entry(pair.friend(), pair).friendReadUpTo()).isEqualTo(theirs.get(1).cursor());
        assertThat(entry(pair.friend(), pair).unread()).as("the friend's own count is theirs").isEqualTo(1);
    }

    @Test
    public void theMarkerOnlyMovesForward() {
        Pair pair = newPair();
        ChatMessage older = from(pair.friend(), pair, "older", 1);
        ChatMessage newer = from(pair.friend(), pair, "newer", 2);
        keep(pair, older);
        keep(pair, newer);
        store().markRead(pair.user(), pair.friend(), pair.dialogId(), newer.cursor());

        ReadOutcome back = store().markRead(pair.user(), pair.friend(), pair.dialogId(), older.cursor());
        ReadOutcome replay = store().markRead(pair.user(), pair.friend(), pair.dialogId(), newer.cursor());

        assertThat(back).isEqualTo(new ReadOutcome(Status.UNCHANGED, newer.cursor()));
        assertThat(replay).isEqualTo(new ReadOutcome(Status.UNCHANGED, newer.cursor()));
        assertThat(entry(pair.user(), pair).readUpTo()).isEqualTo(newer.cursor());
        assertThat(entry(pair.user(), pair).unread()).isZero();
        assertThat(entry(pair.friend(), pair).friendReadUpTo()).isEqualTo(newer.cursor());
    }

    @Test
    public void aMessageAtOrBeforeTheMarkerArrivingLateIsNotUnread() {
        Pair pair = newPair();
        ChatMessage late = from(pair.friend(), pair, "late", 1);
        ChatMessage read = from(pair.friend(), pair, "read", 2);
        keep(pair, read);
        store().markRead(pair.user(), pair.friend(), pair.dialogId(), read.cursor());

        keep(pair, late);

        InboxEntry mine = entry(pair.user(), pair);
        assertThat(mine.unread()).isZero();
        assertThat(mine.lastMessage()).isEqualTo(read);
    }

    @Test
    public void markingAMessageTheDialogDoesNotHoldChangesNothing() {
        Pair pair = newPair();
        Pair other = newPair();
        ChatMessage stored = from(pair.friend(), pair, "stored", 1);
        ChatMessage elsewhere = from(other.friend(), other, "elsewhere", 2);
        keep(pair, stored);
        keep(other, elsewhere);

        List<PageCursor> absent = List.of(new PageCursor(stored.ts() + 1, stored.id()),
                new PageCursor(stored.ts(), ids.next()), elsewhere.cursor(), new PageCursor(-1, stored.id()));
        for (PageCursor cursor : absent) {
            assertThat(store().markRead(pair.user(), pair.friend(), pair.dialogId(), cursor))
                    .isEqualTo(new ReadOutcome(Status.NO_SUCH_MESSAGE, null));
        }
        assertThat(entry(pair.user(), pair).readUpTo()).isNull();
        assertThat(entry(pair.user(), pair).unread()).isEqualTo(1);
    }

    @Test
    public void hasMessageFindsAMessageOnlyAtItsOwnTsInItsOwnDialogAndChangesNothing() {
        Pair pair = newPair();
        Pair other = newPair();
        ChatMessage stored = from(pair.friend(), pair, "stored", 1);
        ChatMessage withoutInbox = from(pair.user(), pair, "no inbox", 2);
        ChatMessage elsewhere = from(other.friend(), other, "elsewhere", 3);
        keep(pair, stored);
        writeAll(List.of(withoutInbox));
        keep(other, elsewhere);
        InboxEntry before = entry(pair.user(), pair);

        assertThat(store().hasMessage(pair.dialogId(), stored.cursor())).isTrue();
        assertThat(store().hasMessage(pair.dialogId(), withoutInbox.cursor())).isTrue();
        List<PageCursor> absent = List.of(new PageCursor(stored.ts() + 1, stored.id()),
                new PageCursor(stored.ts(), ids.next()), elsewhere.cursor(), new PageCursor(-1, stored.id()),
                new PageCursor(Long.MAX_VALUE, stored.id()));
        for (PageCursor cursor : absent) {
            assertThat(store().hasMessage(pair.dialogId(), cursor)).as("%s", cursor).isFalse();
        }
        assertThat(store().hasMessage(UUID.randomUUID(), stored.cursor())).as("an unknown dialog").isFalse();
        assertThat(entry(pair.user(), pair)).as("read-only").isEqualTo(before);
    }

    @Test
    public void concurrentReplaysOfTheSameWritesCountEachMessageOnce() {
        Pair pair = newPair();
        List<ChatMessage> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sent.add(from(pair.friend(), pair, "m" + i, i));
        }

        concurrently(6, thread -> { // every message written six times at once, in a different order per thread
            List<ChatMessage> order = new ArrayList<>(sent);
            Collections.rotate(order, 5 * thread);
            order.forEach(m -> keep(pair, m));
            return thread;
        });

        InboxEntry mine = entry(pair.user(), pair);
        assertThat(mine.unread()).isEqualTo(30);
        assertThat(mine.lastMessage()).isEqualTo(sent.get(29));
        assertThat(mine.activity()).isEqualTo(sent.get(29).ts());
        store().markRead(pair.user(), pair.friend(), pair.dialogId(), sent.get(19).cursor());
        assertThat(entry(pair.user(), pair).unread()).isEqualTo(10);
    }
}
