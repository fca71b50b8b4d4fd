package dev.chat.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.MessagePage;
import dev.chat.common.dialog.PageCursor;
import dev.chat.common.dialog.PageRequest;
import dev.chat.common.dialog.PageRequest.Direction;
import dev.chat.common.id.MessageIds;

/**
 * What the store contract tests share: the store factory, fresh dialogs (every test uses new random ids,
 * so tests never depend on each other's data) and helpers to walk pages and run work concurrently.
 */
public abstract class StoreFixtures {

    /** (ts, id): the order every store keeps messages in. */
    protected static final Comparator<ChatMessage> BY_TS_THEN_ID =
            Comparator.comparingLong(ChatMessage::ts).thenComparing(ChatMessage::id, MessageIds::compare);

    protected final MessageIds ids = new MessageIds();

    /** The store under test. Called by every test; may return the same instance each time. */
    protected abstract DialogStore store();

    /**
     * Whether concurrent {@code makeDialog} calls for one pair from both sides end with one dialog without
     * help from the caller. Stores that need callers to serialise creation per pair (Redis Cluster) say false.
     */
    protected boolean createsAtomicallyAcrossKeyOrders() {
        return true;
    }

    /** Two users and their dialog, made through the store under test. */
    protected record Pair(UUID user, UUID friend, UUID dialogId) {
    }

    protected Pair newPair() {
        UUID user = UUID.randomUUID();
        UUID friend = UUID.randomUUID();
        UUID dialogId = store().makeDialog(user, friend, UUID.randomUUID(), "contract").dialog().id();
        return new Pair(user, friend, dialogId);
    }

    protected ChatMessage message(Pair pair, String text, long ts) {
        return new ChatMessage(ids.next(), pair.user(), pair.dialogId(), text, ts);
    }

    protected void writeAll(Collection<ChatMessage> messages) {
        messages.forEach(m -> assertThat(store().writeMessage(m, null).stored()).as("stored %s", m.id()).isTrue());
    }

    /** Every page from the start in one direction, each checked against the limit, concatenated. */
    protected List<ChatMessage> walk(UUID dialogId, Direction direction, int limit) {
        return walkFrom(dialogId, direction, null, limit, page -> { });
    }

    /** As {@link #walk}, starting after {@code cursor}, calling {@code betweenPages} after each page. */
    protected List<ChatMessage> walkFrom(UUID dialogId, Direction direction, PageCursor cursor, int limit,
                                         java.util.function.Consumer<MessagePage> betweenPages) {
        List<ChatMessage> all = new ArrayList<>();
        PageCursor at = cursor;
        for (int guard = 0; guard < 100_000; guard++) {
            MessagePage page = store().showMessages(dialogId, new PageRequest(direction, at, limit));
            assertThat(page.messages()).hasSizeLessThanOrEqualTo(limit);
            all.addAll(page.messages());
            if (!page.hasMore()) {
                return all;
            }
            assertThat(page.messages()).as("a page with more after it is not empty").isNotEmpty();
            at = page.messages().get(page.messages().size() - 1).cursor();
            betweenPages.accept(page);
        }
        throw new AssertionError("paging did not end");
    }

    protected static List<ChatMessage> sorted(Collection<ChatMessage> messages) {
        return messages.stream().sorted(BY_TS_THEN_ID).toList();
    }

    protected static List<ChatMessage> reversed(List<ChatMessage> messages) {
        List<ChatMessage> copy = new ArrayList<>(messages);
        java.util.Collections.reverse(copy);
        return copy;
    }

    /** Runs {@code task(i)} for i in 0..threads-1 on that many threads released at once; returns results. */
    protected static <T> List<T> concurrently(int threads, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.apply(n);
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } catch (Exception e) {
            throw new AssertionError("concurrent task failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
