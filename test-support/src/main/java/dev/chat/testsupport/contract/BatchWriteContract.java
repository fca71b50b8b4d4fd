package dev.chat.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.MessageWrite;
import dev.chat.common.dialog.PageRequest.Direction;
import dev.chat.common.dialog.WriteOutcome;
import org.junit.jupiter.api.Test;

/**
 * {@link dev.chat.common.dialog.DialogStore#writeMessages}, part of the {@link DialogStoreContract}: the same
 * outcomes as writing one by one in list order, whatever the store does to save round trips.
 */
public abstract class BatchWriteContract extends PagingContract {

    @Test
    public void aBatchStoresEveryMessageWithOutcomesInListOrder() {
        Pair first = newPair();
        Pair second = newPair();
        long now = System.currentTimeMillis();
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            messages.add(message(i % 2 == 0 ? first : second, "batch " + AWKWARD_TEXTS.get(i % AWKWARD_TEXTS.size()),
                    now + i));
        }

        List<WriteOutcome> outcomes = store().writeMessages(messages.stream().map(m -> new MessageWrite(m, null)).toList());

        assertThat(outcomes).containsExactlyElementsOf(messages.stream().map(m -> new WriteOutcome(true, m.id())).toList());
        assertThat(walk(first.dialogId(), Direction.NEWER, 100))
                .containsExactlyElementsOf(messages.stream().filter(m -> m.chatId().equals(first.dialogId())).toList());
        assertThat(walk(second.dialogId(), Direction.NEWER, 100))
                .containsExactlyElementsOf(messages.stream().filter(m -> m.chatId().equals(second.dialogId())).toList());
    }

    @Test
    public void aBatchSeesItsOwnEarlierWritesAndWhatWasStoredBefore() {
        Pair pair = newPair();
        long now = System.currentTimeMillis();
        ChatMessage storedBefore = message(pair, "before", now);
        store().writeMessage(storedBefore, null);
        ChatMessage once = message(pair, "once", now + 1);
        ChatMessage byClient = message(pair, "client request", now + 2);
        ChatMessage clientRetry = message(pair, "client request, retried", now + 3);

        List<WriteOutcome> outcomes = store().writeMessages(List.of(new MessageWrite(storedBefore, null),
                new MessageWrite(once, null), new MessageWrite(once, null), new MessageWrite(byClient, "request-1"),
                new MessageWrite(clientRetry, "request-1")));

        assertThat(outcomes).containsExactly(new WriteOutcome(false, storedBefore.id()), new WriteOutcome(true, once.id()),
                new WriteOutcome(false, once.id()), new WriteOutcome(true, byClient.id()),
                new WriteOutcome(false, byClient.id()));
        assertThat(walk(pair.dialogId(), Direction.NEWER, 10)).containsExactly(storedBefore, once, byClient);
    }

    @Test
    public void writingTheSameBatchAgainStoresNothingNew() {
        Pair pair = newPair();
        long now = System.currentTimeMillis();
        List<MessageWrite> writes = List.of(new MessageWrite(message(pair, "a", now), null),
                new MessageWrite(message(pair, "b", now), "client-b"));
        store().writeMessages(writes);

        List<WriteOutcome> again = store().writeMessages(writes);

        assertThat(again).extracting(WriteOutcome::stored).containsExactly(false, false);
        assertThat(walk(pair.dialogId(), Direction.NEWER, 10)).hasSize(2);
    }

    @Test
    public void anEmptyBatchIsNothing() {
        assertThat(store().writeMessages(List.of())).isEmpty();
    }

    @Test
    public void aBatchWithAWriteTheStoreRefusesIsRefused() {
        Pair pair = newPair();
        ChatMessage negativeTs = new ChatMessage(ids.next(), pair.user(), pair.dialogId(), "bad", -1);

        assertThatThrownBy(() -> store().writeMessages(List.of(new MessageWrite(negativeTs, null))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
