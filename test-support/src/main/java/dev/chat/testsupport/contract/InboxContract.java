package dev.chat.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.InboxEntry;
import dev.chat.common.dialog.InboxPage;
import dev.chat.common.dialog.MessageWrite;
import dev.chat.common.dialog.PageCursor;
import dev.chat.common.dialog.WriteOutcome;
import org.junit.jupiter.api.Test;

/**
 * The inbox, part of the {@link DialogStoreContract}: {@code showInbox} and what {@code makeDialog} and
 * {@code writeMessages} with a recipient keep (read markers: {@link ReadMarkerContract}). Replays of every step, and
 * steps arriving out of order, must leave the inbox as if each had happened once, in order.
 */
public abstract class InboxContract extends ClientIdClaimContract {

    /** Writes far after the dialogs' creation, so that messages, not creation, set the activity. */
    private final long base = System.currentTimeMillis() + 60_000;

    /** Writes the message keeping both inboxes; the recipient is the one of the two users who is not its author. */
    protected void keep(Pair pair, ChatMessage message) {
        store().writeMessages(List.of(kept(pair, message, null)));
    }

    protected static MessageWrite kept(Pair pair, ChatMessage message, String clientId) {
        UUID recipient = message.authorId().equals(pair.user()) ? pair.friend() : pair.user();
        return new MessageWrite(message, clientId, recipient, "contract");
    }

    protected ChatMessage from(UUID author, Pair pair, String text, long offset) {
        return new ChatMessage(ids.next(), author, pair.dialogId(), text, base + offset);
    }

    protected InboxEntry entry(UUID user, Pair pair) {
        return store().showInbox(user, null, 1000).dialogs().stream()
                .filter(e -> e.dialogId().equals(pair.dialogId())).findFirst()
                .orElseThrow(() -> new AssertionError("dialog " + pair.dialogId() + " not in the inbox of " + user));
    }

    protected Pair pairWith(UUID user) {
        UUID friend = UUID.randomUUID();
        return new Pair(user, friend, store().makeDialog(user, friend, UUID.randomUUID(), "contract").dialog().id());
    }

    @Test
    public void aNewDialogIsInBothInboxesWithoutAMessage() {
        long before = System.currentTimeMillis();
        Pair pair = newPair();
        long after = System.currentTimeMillis();

        InboxEntry mine = entry(pair.user(), pair);
        assertThat(mine).isEqualTo(new InboxEntry(pair.dialogId(), pair.friend(), "contract", mine.activity(), null, 0,
                null, null));
        assertThat(mine.activity()).isBetween(before, after);
        assertThat(entry(pair.friend(), pair).friendId()).isEqualTo(pair.user());
        assertThat(entry(pair.friend(), pair).lastMessage()).isNull();
    }

    @Test
    public void makingTheDialogAgainLeavesBothInboxesAsTheyAre() {
        Pair pair = newPair();
        keep(pair, from(pair.user(), pair, "hello", 1));
        InboxEntry mine = entry(pair.user(), pair);
        InboxEntry theirs = entry(pair.friend(), pair);

        store().makeDialog(pair.friend(), pair.user(), UUID.randomUUID(), "again");

        assertThat(entry(pair.user(), pair)).isEqualTo(mine);
        assertThat(entry(pair.friend(), pair)).isEqualTo(theirs);
    }

    @Test
    public void dialogsAreOrderedByTheirLastMessageNewestFirst() {
        UUID user = UUID.randomUUID();
        Pair first = pairWith(user);
        Pair second = pairWith(user);
        Pair third = pairWith(user);
        keep(first, from(user, first, "first, early", 10));
        keep(second, from(second.friend(), second, "second", 20));
        keep(third, from(user, third, "third", 30));
        ChatMessage latest = from(first.friend(), first, "first, latest", 40);
        keep(first, latest);

        List<InboxEntry> inbox = store().showInbox(user, null, 10).dialogs();

        assertThat(inbox).extracting(InboxEntry::dialogId)
                .containsExactly(first.dialogId(), third.dialogId(), second.dialogId());
        assertThat(inbox.get(0).lastMessage()).isEqualTo(latest);
        assertThat(inbox.get(0).activity()).isEqualTo(latest.ts());
    }

    @Test
    public void replayedWritesCountEachMessageOnceAndMoveNothingBack() {
        Pair pair = newPair();
        ChatMessage first = from(pair.friend(), pair, "first", 1);
        ChatMessage second = from(pair.friend(), pair, "second", 2);
        List<MessageWrite> batch = List.of(kept(pair, first, "c-1"), kept(pair, second, null));
        store().writeMessages(batch);
        InboxEntry once = entry(pair.user(), pair);

        store().writeMessages(batch);
        keep(pair, first);
        store().writeMessages(List.of(kept(pair, first, "c-1")));

        assertThat(entry(pair.user(), pair)).isEqualTo(once);
        assertThat(once.unread()).isEqualTo(2);
        assertThat(once.lastMessage()).isEqualTo(second);
        assertThat(once.activity()).isEqualTo(second.ts());
    }

    @Test
    public void replayingAWriteWhoseInboxStepWasLostCompletesTheInbox() {
        Pair pair = newPair();
        ChatMessage message = from(pair.friend(), pair, "stored, inbox lost", 1);
        store().writeMessage(message, "c-1"); // as if the inbox step of the write had failed after the message

        List<WriteOutcome> replay = store().writeMessages(List.of(kept(pair, message, "c-1")));

        assertThat(replay).containsExactly(new WriteOutcome(false, message.id()));
        assertThat(entry(pair.user(), pair).lastMessage()).isEqualTo(message);
        assertThat(entry(pair.user(), pair).unread()).isEqualTo(1);
        assertThat(entry(pair.friend(), pair).lastMessage()).isEqualTo(message);
    }

    @Test
    public void aClientRetryWithANewIdKeepsNoInbox() {
        Pair pair = newPair();
        ChatMessage sent = from(pair.friend(), pair, "once", 1);
        ChatMessage retried = from(pair.friend(), pair, "once, retried", 5);
        store().writeMessages(List.of(kept(pair, sent, "c-1")));

        store().writeMessages(List.of(kept(pair, retried, "c-1")));

        InboxEntry mine = entry(pair.user(), pair);
        assertThat(mine.lastMessage()).isEqualTo(sent);
        assertThat(mine.unread()).isEqualTo(1);
        assertThat(mine.activity()).isEqualTo(sent.ts());
    }

    @Test
    public void pagesWalkTheInboxWithoutRepeatOrGapAlsoAcrossEqualActivity() {
        UUID user = UUID.randomUUID();
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Pair pair = pairWith(user);
            pairs.add(pair);
            keep(pair, from(pair.friend(), pair, "m" + i, i / 3)); // three dialogs share each millisecond
        }
        List<InboxEntry> whole = store().showInbox(user, null, 100).dialogs();
        assertThat(whole).hasSize(7);

        List<InboxEntry> walked = new ArrayList<>();
        PageCursor before = null;
        InboxPage page;
        do {
            page = store().showInbox(user, before, 3);
            assertThat(page.dialogs()).hasSizeLessThanOrEqualTo(3);
            walked.addAll(page.dialogs());
            before = page.dialogs().isEmpty() ? null : page.dialogs().get(page.dialogs().size() - 1).cursor();
        } while (page.hasMore());

        assertThat(walked).containsExactlyElementsOf(whole);
        assertThat(whole).extracting(InboxEntry::activity).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    public void anUnknownUserHasAnEmptyInboxAndLimitsAreChecked() {
        assertThat(store().showInbox(UUID.randomUUID(), null, 20)).isEqualTo(new InboxPage(List.of(), false));
        assertThatThrownBy(() -> store().showInbox(UUID.randomUUID(), null, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().showInbox(UUID.randomUUID(), null, 1001))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
