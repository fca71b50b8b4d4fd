package dev.chat.reader.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.PageCursor;
import dev.chat.common.id.MessageIds;
import dev.chat.reader.ReaderApiTestSupport;
import dev.chat.reader.system.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DialogHistoryApiTests extends ReaderApiTestSupport {

    private static final String MESSAGES = "/api/v1/dialogs/{friend}/messages";

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final MessageIds ids = new MessageIds();
    private long clock = System.currentTimeMillis() - 10_000_000;

    /** Alternating authors, one millisecond apart, as the gateway would stamp them. */
    private List<ChatMessage> writeMany(UUID dialogId, int count) {
        List<ChatMessage> written = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            written.add(writeOne(dialogId, i % 2 == 0 ? alice : bob, "message " + i));
        }
        return written;
    }

    private ChatMessage writeOne(UUID dialogId, UUID author, String text) {
        return write(dialogId, author, ids.next(), clock++, text);
    }

    private HistoryPage page(UUID caller, UUID friend, String query) {
        return get(caller, MESSAGES + query, friend)
                .expectStatus().isOk()
                .expectBody(HistoryPage.class).returnResult().getResponseBody();
    }

    /** Paging loops fail instead of spinning when cursors stop making progress. */
    private static void guard(int requests, int max) {
        assertThat(requests).as("requests needed to page through").isLessThanOrEqualTo(max);
    }

    private static List<UUID> idsOf(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::id).toList();
    }

    private static List<UUID> idsOf(HistoryPage page) {
        return page.messages().stream().map(MessageView::id).toList();
    }

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

    @Test
    void showsEveryFieldUnderItsSnakeCaseName() {
        UUID dialog = newDialog(alice, bob);
        ChatMessage m = writeOne(dialog, bob, "hello \"alice\" 👋\n");

        get(alice, MESSAGES, bob).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.messages.length()").isEqualTo(1)
                .jsonPath("$.messages[0].id").isEqualTo(m.id().toString())
                .jsonPath("$.messages[0].author_id").isEqualTo(bob.toString())
                .jsonPath("$.messages[0].chat_id").isEqualTo(dialog.toString())
                .jsonPath("$.messages[0].message").isEqualTo("hello \"alice\" 👋\n")
                .jsonPath("$.messages[0].ts").isEqualTo(m.ts())
                .jsonPath("$.older").isEmpty()
                .jsonPath("$.newer").isEqualTo(m.cursor().encode());
    }

    @Test
    void bothParticipantsSeeTheSameDialog() {
        UUID dialog = newDialog(bob, alice);
        List<ChatMessage> all = writeMany(dialog, 5);

        assertThat(idsOf(page(alice, bob, ""))).isEqualTo(idsOf(all));
        assertThat(idsOf(page(bob, alice, ""))).isEqualTo(idsOf(all));
    }

    @Test
    void defaultsToFiftyAndAllowsUpToTwoHundred() {
        UUID dialog = newDialog(alice, bob);
        List<ChatMessage> all = writeMany(dialog, 230);

        assertThat(idsOf(page(alice, bob, ""))).isEqualTo(idsOf(all.subList(180, 230)));
        assertThat(idsOf(page(alice, bob, "?limit=200"))).isEqualTo(idsOf(all.subList(30, 230)));
        assertThat(idsOf(page(alice, bob, "?limit=1"))).isEqualTo(idsOf(all.subList(229, 230)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"201", "0", "-1", "abc", "", "1e2", "2147483648"})
    void rejectsLimitsOutsideOneToTwoHundred(String limit) {
        newDialog(alice, bob);

        expectProblem(get(alice, MESSAGES + "?limit={limit}", bob, limit), 400, Problems.VALIDATION);
    }

    @Test
    void rejectsBeforeAndAfterTogether() {
        UUID dialog = newDialog(alice, bob);
        String cursor = writeOne(dialog, alice, "x").cursor().encode();

        expectProblem(get(alice, MESSAGES + "?before={c}&after={c}", bob, cursor, cursor), 400, Problems.VALIDATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "", "%%%", "MTIzOm5vdC1hLXV1aWQ"})
    void rejectsCursorsItDidNotIssue(String cursor) {
        newDialog(alice, bob);

        expectProblem(get(alice, MESSAGES + "?before={c}", bob, cursor), 400, Problems.BAD_CURSOR);
        expectProblem(get(alice, MESSAGES + "?after={c}", bob, cursor), 400, Problems.BAD_CURSOR);
    }

    @Test
    void rejectsACursorWithATimeNoMessageCanHave() {
        newDialog(alice, bob);
        String negative = new PageCursor(-1, UUID.randomUUID()).encode();

        expectProblem(get(alice, MESSAGES + "?after={c}", bob, negative), 400, Problems.BAD_CURSOR);
    }

    @Test
    void rejectsAFriendIdThatIsNotAUuid() {
        expectProblem(get(alice, MESSAGES, "not-a-uuid"), 400, Problems.VALIDATION);
    }

    @Test
    void answersNotFoundWithoutADialogAndFindsItOnceCreated() {
        expectProblem(get(alice, MESSAGES, bob), 404, Problems.DIALOG_NOT_FOUND);

        UUID dialog = newDialog(bob, alice);
        ChatMessage m = writeOne(dialog, bob, "hi");

        assertThat(idsOf(page(alice, bob, ""))).containsExactly(m.id());
    }

    @Test
    void emptyDialogIsAnEmptyPageWithoutCursors() {
        newDialog(alice, bob);

        HistoryPage page = page(alice, bob, "");

        assertThat(page.messages()).isEmpty();
        assertThat(page.older()).isNull();
        assertThat(page.newer()).isNull();
    }
}
