package dev.chat.reader.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.id.MessageIds;
import org.junit.jupiter.api.Test;

/** Paging never skips or repeats a message, also while new ones arrive. */
class DialogPagingApiTests extends DialogApiTestSupport {

    @Test
    void pagesBackwardOverAThousandMessagesWhileNewOnesArriveThenCatchesUpWithAfter() {
        UUID dialog = newDialog(alice, bob);
        List<ChatMessage> history = writeMany(dialog, 1000);
        List<ChatMessage> arrivedMeanwhile = new ArrayList<>();

        List<List<UUID>> pages = new ArrayList<>();
        HistoryPage first = page(alice, bob, "");
        HistoryPage page = first;
        pages.add(idsOf(page));
        while (page.older() != null) {
            guard(pages.size(), 20);
            arrivedMeanwhile.add(writeOne(dialog, bob, "arrived while paging " + pages.size()));
            page = page(alice, bob, "?before=" + page.older());
            pages.add(idsOf(page));
        }

        assertThat(pages).hasSize(20);
        for (int p = 0; p < 20; p++) { // page p is the p-th block of 50 from the end, oldest first
            assertThat(pages.get(p)).as("page %d", p).isEqualTo(idsOf(history.subList(950 - 50 * p, 1000 - 50 * p)));
        }
        List<UUID> walked = new ArrayList<>();
        for (int p = pages.size() - 1; p >= 0; p--) {
            walked.addAll(pages.get(p));
        }
        assertThat(walked).isEqualTo(idsOf(history));

        HistoryPage caughtUp = page(alice, bob, "?limit=200&after=" + first.newer());
        assertThat(idsOf(caughtUp)).isEqualTo(idsOf(arrivedMeanwhile));
    }

    @Test
    void pagesForwardFromTheOldestPageWithInsertsBetweenPagesUntilCaughtUp() {
        UUID dialog = newDialog(alice, bob);
        List<ChatMessage> expected = new ArrayList<>(writeMany(dialog, 1000));

        HistoryPage page = page(bob, alice, "?limit=200");
        for (int requests = 1; page.older() != null; requests++) {
            guard(requests, 5);
            page = page(bob, alice, "?limit=200&before=" + page.older());
        }
        List<UUID> walked = new ArrayList<>(idsOf(page));
        String cursor = page.newer();
        for (int round = 0; ; round++) {
            guard(round, 60);
            if (round < 30) { // a newer message lands before each of the first 30 requests
                expected.add(writeOne(dialog, alice, "arrived before request " + round));
            }
            HistoryPage next = page(bob, alice, "?limit=37&after=" + cursor);
            walked.addAll(idsOf(next));
            if (next.messages().isEmpty()) {
                assertThat(next.newer()).as("an empty page keeps the client's place").isEqualTo(cursor);
                break;
            }
            cursor = next.newer();
        }

        assertThat(walked).isEqualTo(idsOf(expected));
        assertThat(walked).hasSize(1030).doesNotHaveDuplicates();
    }

    @Test
    void keepsSameMillisecondMessagesInSendingOrderAcrossPageBoundaries() {
        UUID dialog = newDialog(alice, bob);
        long sameMillis = clock;
        MessageIds frozen = new MessageIds(() -> sameMillis);
        List<ChatMessage> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sent.add(new ChatMessage(frozen.next(), i % 3 == 0 ? bob : alice, dialog, "burst " + i, sameMillis));
        }
        List<ChatMessage> arrival = new ArrayList<>(sent);
        Collections.shuffle(arrival, new Random(42)); // storage order must not matter, only (ts, id)
        arrival.forEach(m -> store.writeMessage(m, null));

        List<UUID> backward = new ArrayList<>();
        HistoryPage page = page(alice, bob, "?limit=7");
        backward.addAll(0, idsOf(page));
        for (int requests = 1; page.older() != null; requests++) {
            guard(requests, 5);
            page = page(alice, bob, "?limit=7&before=" + page.older());
            backward.addAll(0, idsOf(page));
        }
        List<UUID> forward = new ArrayList<>(idsOf(page));
        HistoryPage next = page;
        int requests = 0;
        do {
            guard(++requests, 8);
            next = page(alice, bob, "?limit=4&after=" + next.newer());
            forward.addAll(idsOf(next));
        } while (next.messages().size() == 4);

        assertThat(backward).isEqualTo(idsOf(sent));
        assertThat(forward).isEqualTo(idsOf(sent));
    }
}
