package dev.chat.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.MessagePage;
import dev.chat.common.dialog.PageCursor;
import dev.chat.common.dialog.PageRequest;
import dev.chat.common.dialog.PageRequest.Direction;
import dev.chat.common.id.MessageIds;
import org.junit.jupiter.api.Test;

/** Cursor paging, part of the {@link DialogStoreContract}. */
public abstract class PagingContract extends MessageContract {

    /** 4 messages per millisecond, so page boundaries fall inside same-millisecond runs. */
    private List<ChatMessage> history(Pair pair, long base, int count) {
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(message(pair, "h" + i, base + i / 4));
        }
        List<ChatMessage> shuffled = new ArrayList<>(messages);
        Collections.shuffle(shuffled, new Random(count));
        writeAll(shuffled);
        return sorted(messages);
    }

    @Test
    public void tellsWhetherMorePagesFollow() {
        Pair pair = newPair();
        List<ChatMessage> all = history(pair, System.currentTimeMillis(), 10);

        MessagePage exact = store().showMessages(pair.dialogId(), PageRequest.newest(10));
        MessagePage short1 = store().showMessages(pair.dialogId(), PageRequest.newest(9));
        MessagePage forward = store().showMessages(pair.dialogId(), new PageRequest(Direction.NEWER, null, 10));
        MessagePage lastOne = store().showMessages(pair.dialogId(),
                new PageRequest(Direction.NEWER, all.get(8).cursor(), 1));

        assertThat(exact.hasMore()).isFalse();
        assertThat(short1.hasMore()).isTrue();
        assertThat(short1.messages()).containsExactlyElementsOf(reversed(all).subList(0, 9));
        assertThat(forward.hasMore()).isFalse();
        assertThat(lastOne.messages()).containsExactly(all.get(9));
        assertThat(lastOne.hasMore()).isFalse();
    }

    @Test
    public void aPageHoldsAtMostTheHardLimit() {
        Pair pair = newPair();
        history(pair, System.currentTimeMillis(), PageRequest.MAX_LIMIT + 1);

        MessagePage page = store().showMessages(pair.dialogId(), PageRequest.newest(PageRequest.MAX_LIMIT));

        assertThat(page.messages()).hasSize(PageRequest.MAX_LIMIT);
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    public void smallPagesCrossSameMillisecondRunsInBothDirections() {
        Pair pair = newPair();
        List<ChatMessage> all = history(pair, System.currentTimeMillis(), 23);

        for (int limit : new int[] {1, 2, 3, 5}) {
            assertThat(walk(pair.dialogId(), Direction.NEWER, limit)).as("limit %d", limit).containsExactlyElementsOf(all);
            assertThat(walk(pair.dialogId(), Direction.OLDER, limit)).as("limit %d", limit)
                    .containsExactlyElementsOf(reversed(all));
        }
    }

    @Test
    public void pagesThroughALongRunOfOneMillisecond() {
        Pair pair = newPair();
        long now = System.currentTimeMillis();
        List<ChatMessage> all = new ArrayList<>(history(pair, now - 10, 8));
        MessageIds burst = new MessageIds(() -> now);
        List<ChatMessage> run = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            run.add(new ChatMessage(burst.next(), pair.user(), pair.dialogId(), "run " + i, now));
        }
        List<ChatMessage> shuffled = new ArrayList<>(run);
        Collections.shuffle(shuffled, new Random(3));
        writeAll(shuffled);
        all.addAll(run);
        all.addAll(history(pair, now + 1, 8));

        for (int limit : new int[] {1, 7, 25}) {
            assertThat(walk(pair.dialogId(), Direction.NEWER, limit)).as("limit %d", limit).containsExactlyElementsOf(all);
            assertThat(walk(pair.dialogId(), Direction.OLDER, limit)).as("limit %d", limit)
                    .containsExactlyElementsOf(reversed(all));
        }
        assertThat(store().writeMessage(run.get(31), null).stored()).as("rewrite inside the run").isFalse();
    }

    @Test
    public void aCursorNeedNotBeAStoredMessage() {
        Pair pair = newPair();
        List<ChatMessage> all = history(pair, System.currentTimeMillis(), 20);
        ChatMessage middle = all.get(10);
        PageCursor between = new PageCursor(middle.ts(), new UUID(middle.id().getMostSignificantBits(),
                middle.id().getLeastSignificantBits() - 1)); // just before the middle message

        List<ChatMessage> older = walkFrom(pair.dialogId(), Direction.OLDER, between, 3, page -> { });
        List<ChatMessage> newer = walkFrom(pair.dialogId(), Direction.NEWER, between, 3, page -> { });

        assertThat(older).containsExactlyElementsOf(reversed(all.subList(0, 10)));
        assertThat(newer).containsExactlyElementsOf(all.subList(10, 20));
    }

    @Test
    public void pagingBackwardNeitherSkipsNorRepeatsWhileMessagesArrive() {
        Pair pair = newPair();
        List<ChatMessage> expected = new ArrayList<>(history(pair, System.currentTimeMillis(), 60));
        long[] newest = {expected.get(expected.size() - 1).ts()};

        List<ChatMessage> walked = walkFrom(pair.dialogId(), Direction.OLDER, null, 7, page -> {
            ChatMessage last = page.messages().get(page.messages().size() - 1);
            newest[0]++;
            ChatMessage newer = message(pair, "arrived later", newest[0]); // already passed: not in this walk
            ChatMessage tieAbove = at(last, 1, "tie above");            // same ms, after the cursor: passed
            ChatMessage tieBelow = at(last, -1, "tie below");           // same ms, before the cursor: ahead
            ChatMessage older = message(pair, "late but older", last.ts() - 1); // ahead of the walk
            writeAll(List.of(newer, tieAbove, tieBelow, older));
            expected.addAll(List.of(tieBelow, older));
        });

        assertThat(walked).containsExactlyElementsOf(reversed(sorted(expected)));
    }

    @Test
    public void pagingForwardNeitherSkipsNorRepeatsWhileMessagesArrive() {
        Pair pair = newPair();
        List<ChatMessage> expected = new ArrayList<>(history(pair, System.currentTimeMillis(), 60));
        long oldest = expected.get(0).ts();

        List<ChatMessage> walked = walkFrom(pair.dialogId(), Direction.NEWER, null, 7, page -> {
            ChatMessage last = page.messages().get(page.messages().size() - 1);
            ChatMessage before = message(pair, "backdated", oldest - 1);  // already passed
            ChatMessage tieBelow = at(last, -1, "tie below");            // same ms, before the cursor: passed
            ChatMessage tieAbove = at(last, 1, "tie above");             // same ms, after the cursor: ahead
            ChatMessage newer = message(pair, "new", last.ts() + 1000);  // ahead of the walk
            writeAll(List.of(before, tieBelow, tieAbove, newer));
            expected.addAll(List.of(tieAbove, newer));
        });

        assertThat(walked).containsExactlyElementsOf(sorted(expected));
    }

    @Test
    public void pagesStayConsistentWhileAWriterRunsConcurrently() throws Exception {
        Pair pair = newPair();
        long base = System.currentTimeMillis();
        List<ChatMessage> before = history(pair, base, 200);
        List<ChatMessage> during = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            during.add(message(pair, "during " + i, base + 1000 + i / 3));
        }
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            started.countDown();
            writeAll(during);
        });
        started.await();

        List<ChatMessage> backward = walk(pair.dialogId(), Direction.OLDER, 5);
        List<ChatMessage> forward = walk(pair.dialogId(), Direction.NEWER, 5);
        writer.get();

        assertThat(backward).doesNotHaveDuplicates().isSortedAccordingTo(BY_TS_THEN_ID.reversed())
                .containsAll(before);
        assertThat(forward).doesNotHaveDuplicates().isSortedAccordingTo(BY_TS_THEN_ID)
                .startsWith(before.toArray(ChatMessage[]::new));
        List<ChatMessage> rest = walkFrom(pair.dialogId(), Direction.NEWER, forward.get(forward.size() - 1).cursor(), 5,
                page -> { });
        List<ChatMessage> everything = new ArrayList<>(forward);
        everything.addAll(rest);
        assertThat(everything).containsExactlyElementsOf(sorted(concat(before, during)));
    }

    /** A message in the same millisecond as {@code cursor}, with an id just after (+1) or before (-1) it. */
    private ChatMessage at(ChatMessage cursor, int side, String text) {
        UUID id = new UUID(cursor.id().getMostSignificantBits(), cursor.id().getLeastSignificantBits() + side);
        return new ChatMessage(id, cursor.authorId(), cursor.chatId(), text, cursor.ts());
    }

    private static List<ChatMessage> concat(List<ChatMessage> a, List<ChatMessage> b) {
        List<ChatMessage> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
