package dev.chat.reader.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import dev.chat.boot.problem.ProblemType;
import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.PageCursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DialogHistoryApiTests extends DialogApiTestSupport {

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

        expectProblem(get(alice, MESSAGES + "?limit={limit}", bob, limit), 400, ProblemType.VALIDATION.uri());
    }

    @Test
    void rejectsBeforeAndAfterTogether() {
        UUID dialog = newDialog(alice, bob);
        String cursor = writeOne(dialog, alice, "x").cursor().encode();

        expectProblem(get(alice, MESSAGES + "?before={c}&after={c}", bob, cursor, cursor), 400, ProblemType.VALIDATION.uri());
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "", "%%%", "MTIzOm5vdC1hLXV1aWQ"})
    void rejectsCursorsItDidNotIssue(String cursor) {
        newDialog(alice, bob);

        expectProblem(get(alice, MESSAGES + "?before={c}", bob, cursor), 400, ProblemType.BAD_CURSOR.uri());
        expectProblem(get(alice, MESSAGES + "?after={c}", bob, cursor), 400, ProblemType.BAD_CURSOR.uri());
    }

    @Test
    void rejectsACursorWithATimeNoMessageCanHave() {
        newDialog(alice, bob);
        String negative = new PageCursor(-1, UUID.randomUUID()).encode();

        expectProblem(get(alice, MESSAGES + "?after={c}", bob, negative), 400, ProblemType.BAD_CURSOR.uri());
    }

    @Test
    void rejectsAFriendIdThatIsNotAUuid() {
        expectProblem(get(alice, MESSAGES, "not-a-uuid"), 400, ProblemType.INVALID_PARAMETER.uri());
    }

    @Test
    void answersNotFoundWithoutADialogAndFindsItOnceCreated() {
        expectProblem(get(alice, MESSAGES, bob), 404, ProblemType.DIALOG_NOT_FOUND.uri());

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
