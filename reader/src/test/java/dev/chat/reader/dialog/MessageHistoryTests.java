package dev.chat.reader.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.chat.boot.store.DialogDirectory;
import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.DialogNotFoundException;
import dev.chat.common.dialog.PageCursor;
import dev.chat.common.id.MessageIds;
import dev.chat.reader.system.ReaderProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reader's own page logic (order, cursors, OTUS mapping) over the in-memory store, read back through the
 * documented response records as a client would.
 */
class MessageHistoryTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InMemoryDialogStore store = new InMemoryDialogStore();
    private final ReaderProperties properties = new ReaderProperties(50, 200, 3);
    private final MessageHistory history = new MessageHistory(new DialogDirectory(store, 100), store, properties);
    private final MessageIds ids = new MessageIds();
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID dialogId = store.makeDialog(alice, bob, UUID.randomUUID(), "").dialog().id();
    private long clock = 1_700_000_000_000L;

    private ChatMessage write(UUID author, String text) {
        ChatMessage m = new ChatMessage(ids.next(), author, dialogId, text, clock++);
        store.writeMessage(m, null);
        return m;
    }

    private List<ChatMessage> write(int count) {
        List<ChatMessage> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            written.add(write(i % 2 == 0 ? alice : bob, "m" + i));
        }
        return written;
    }

    private HistoryPage page(UUID caller, String limit, String before, String after) {
        return JSON.readValue(history.page(caller, caller.equals(alice) ? bob : alice,
                PageQuery.parse(limit, before, after, properties)), HistoryPage.class);
    }

    private List<OtusDialogMessage> otusList(UUID caller, UUID friend) {
        return JSON.readValue(history.otusList(caller, friend), new TypeReference<List<OtusDialogMessage>>() { });
    }

    private static List<UUID> ids(HistoryPage page) {
        return page.messages().stream().map(MessageView::id).toList();
    }

    private static List<UUID> ids(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::id).toList();
    }

    @Test
    void newestPageIsOldestFirstWithCursorsOnBothSides() {
        List<ChatMessage> all = write(5);

        HistoryPage page = page(alice, "2", null, null);

        assertThat(ids(page)).isEqualTo(ids(all.subList(3, 5)));
        assertThat(page.older()).isEqualTo(all.get(3).cursor().encode());
        assertThat(page.newer()).isEqualTo(all.get(4).cursor().encode());
    }

    @Test
    void oldestPageHasNoOlderCursor() {
        List<ChatMessage> all = write(3);

        HistoryPage page = page(bob, "2", all.get(2).cursor().encode(), null);

        assertThat(ids(page)).isEqualTo(ids(all.subList(0, 2)));
        assertThat(page.older()).isNull();
        assertThat(page.newer()).isEqualTo(all.get(1).cursor().encode());
    }

    @Test
    void afterPageIsOldestFirstAndPointsBackToItsFirstMessage() {
        List<ChatMessage> all = write(6);

        HistoryPage page = page(alice, "3", null, all.get(1).cursor().encode());

        assertThat(ids(page)).isEqualTo(ids(all.subList(2, 5)));
        assertThat(page.older()).isEqualTo(all.get(2).cursor().encode());
        assertThat(page.newer()).isEqualTo(all.get(4).cursor().encode());
    }

    @Test
    void emptyPagesEchoTheCursorSoTheClientStaysWhereItWas() {
        List<ChatMessage> all = write(2);
        String last = all.get(1).cursor().encode();
        String first = all.get(0).cursor().encode();

        HistoryPage caughtUp = page(alice, null, null, last);
        assertThat(caughtUp.messages()).isEmpty();
        assertThat(caughtUp.newer()).isEqualTo(last);
        assertThat(caughtUp.older()).isEqualTo(last);

        HistoryPage start = page(alice, null, first, null);
        assertThat(start.messages()).isEmpty();
        assertThat(start.older()).isNull();
        assertThat(start.newer()).isEqualTo(first);
    }

    @Test
    void emptyDialogHasNoCursors() {
        HistoryPage page = page(alice, null, null, null);

        assertThat(page.messages()).isEmpty();
        assertThat(page.older()).isNull();
        assertThat(page.newer()).isNull();
    }

    @Test
    void showsTheStoredFields() {
        ChatMessage m = write(bob, "hello\nwörld 👋");

        MessageView view = page(alice, null, null, null).messages().get(0);

        assertThat(view).isEqualTo(new MessageView(m.id(), bob, dialogId, "hello\nwörld 👋", m.ts()));
    }

    @Test
    void unknownDialogIsNotFound() {
        UUID stranger = UUID.randomUUID();

        assertThatThrownBy(() -> history.page(alice, stranger, PageQuery.parse(null, null, null, properties)))
                .isInstanceOf(DialogNotFoundException.class);
        assertThatThrownBy(() -> history.otusList(stranger, alice)).isInstanceOf(DialogNotFoundException.class);
    }

    @Test
    void otusListIsTheNewestMessagesOldestFirstWithFromAndTo() {
        ChatMessage m1 = write(alice, "one");
        ChatMessage m2 = write(bob, "two");
        ChatMessage m3 = write(alice, "three");
        ChatMessage m4 = write(bob, "four");

        assertThat(otusList(alice, bob)).containsExactly(
                new OtusDialogMessage(bob, alice, m2.message()),
                new OtusDialogMessage(alice, bob, m3.message()),
                new OtusDialogMessage(bob, alice, m4.message()));
        assertThat(otusList(bob, alice)).hasSize(3).first()
                .isEqualTo(new OtusDialogMessage(bob, alice, "two"));
        assertThat(otusList(alice, bob)).extracting(OtusDialogMessage::text).doesNotContain(m1.message());
    }

    @Test
    void cursorsAreTheMessagesPositions() {
        List<ChatMessage> all = write(1);

        HistoryPage page = page(alice, null, null, null);

        assertThat(PageCursor.decode(page.newer())).isEqualTo(new PageCursor(all.get(0).ts(), all.get(0).id()));
    }
}
