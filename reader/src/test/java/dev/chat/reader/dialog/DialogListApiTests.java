package dev.chat.reader.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.chat.boot.problem.ProblemType;
import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.MessageWrite;
import dev.chat.common.dialog.PageCursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /api/v1/dialogs: the caller's dialogs by last activity, with last message, unread count and read markers. */
class DialogListApiTests extends DialogApiTestSupport {

    static final String DIALOGS = "/api/v1/dialogs";

    {
        clock = System.currentTimeMillis() + 60_000; // messages after their dialogs' creation, as real ones are
    }

    /** As the writer stores a message: keeping both users' inboxes. */
    private ChatMessage keep(UUID dialogId, UUID author, UUID recipient, String text) {
        ChatMessage message = new ChatMessage(ids.next(), author, dialogId, text, clock++);
        store.writeMessages(List.of(new MessageWrite(message, null, recipient, "")));
        return message;
    }

    private DialogListPage list(UUID caller, String query) {
        return get(caller, DIALOGS + query).expectStatus().isOk()
                .expectBody(DialogListPage.class).returnResult().getResponseBody();
    }

    @Test
    void listsTheCallersDialogsNewestActivityFirstWithLastMessageUnreadAndMarkers() {
        UUID carol = UUID.randomUUID();
        UUID withBob = newDialog(alice, bob);
        UUID withCarol = newDialog(carol, alice);
        keep(withCarol, carol, alice, "hi alice");
        ChatMessage fromBob = keep(withBob, bob, alice, "first");
        ChatMessage lastFromBob = keep(withBob, bob, alice, "second");
        store.markRead(alice, bob, withBob, fromBob.cursor());
        UUID empty = newDialog(alice, UUID.randomUUID());

        DialogListPage page = list(alice, "");

        assertThat(page.older()).isNull();
        assertThat(page.dialogs()).extracting(DialogListPage.Summary::dialogId).containsExactly(withBob, withCarol, empty);
        assertThat(page.dialogs().get(0)).isEqualTo(new DialogListPage.Summary(withBob, bob, "",
                new DialogListPage.LastMessage(lastFromBob.id(), bob, "second", lastFromBob.ts()), 1, fromBob.id(), null));
        assertThat(page.dialogs().get(1).unread()).isEqualTo(1);
        assertThat(page.dialogs().get(2).lastMessage()).isNull();
        assertThat(list(bob, "").dialogs().get(0).friendReadUpTo()).isEqualTo(fromBob.id());
    }

    @Test
    void aDialogWithoutMessagesIsListedWithANullLastMessage() {
        newDialog(alice, bob);

        get(alice, DIALOGS).expectStatus().isOk().expectBody()
                .jsonPath("$.dialogs[0].friend_id").isEqualTo(bob.toString())
                .jsonPath("$.dialogs[0].last_message").isEmpty()
                .jsonPath("$.dialogs[0].unread").isEqualTo(0)
                .jsonPath("$.older").isEmpty();
    }

    @Test
    void pagesWithBeforeThroughEveryDialogOnceDefaultingToTwenty() {
        List<UUID> newestFirst = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            UUID friend = UUID.randomUUID();
            UUID dialog = newDialog(alice, friend);
            keep(dialog, friend, alice, "m" + i);
            newestFirst.add(0, dialog);
        }

        DialogListPage first = list(alice, "");
        assertThat(first.dialogs()).hasSize(20);
        List<UUID> walked = new ArrayList<>();
        DialogListPage page = list(alice, "?limit=7");
        walked.addAll(page.dialogs().stream().map(DialogListPage.Summary::dialogId).toList());
        for (int requests = 1; page.older() != null; requests++) {
            guard(requests, 4);
            page = list(alice, "?limit=7&before=" + page.older());
            walked.addAll(page.dialogs().stream().map(DialogListPage.Summary::dialogId).toList());
        }

        assertThat(walked).isEqualTo(newestFirst);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "ten", "", "1.5"})
    void aLimitOutsideOneToAHundredIsAValidationProblem(String limit) {
        expectProblem(get(alice, DIALOGS + "?limit={limit}", limit), 400, ProblemType.VALIDATION.uri());
    }

    @Test
    void aCursorNotFromThisApiIsABadCursorProblem() {
        String impossible = new PageCursor(-1, UUID.randomUUID()).encode();
        for (String cursor : List.of("garbage", "", impossible)) {
            expectProblem(get(alice, DIALOGS + "?before={cursor}", cursor), 400, ProblemType.BAD_CURSOR.uri());
        }
    }
}
