package dev.chat.reader.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.chat.boot.problem.ProblemType;
import dev.chat.common.id.MessageIds;
import dev.chat.reader.ReaderApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/** Carol, who talks to Alice but not to Bob, must not read a word of Alice and Bob's dialog. */
class DialogAccessTests extends ReaderApiTestSupport {

    private static final ParameterizedTypeReference<List<OtusDialogMessage>> OTUS_MESSAGES =
            new ParameterizedTypeReference<>() {
            };

    private static final String MESSAGES = "/api/v1/dialogs/{friend}/messages";
    private static final String OTUS_LIST = "/dialog/{user}/list";

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID carol = UUID.randomUUID();
    private final MessageIds ids = new MessageIds();
    private UUID aliceAndBob;
    private UUID carolAndAlice;
    private final List<UUID> secret = new ArrayList<>();
    private final List<UUID> carolsOwn = new ArrayList<>();
    private final List<String> copiedCursors = new ArrayList<>();

    @BeforeEach
    void twoDialogsWithInterleavedMessages() {
        aliceAndBob = newDialog(alice, bob);
        carolAndAlice = newDialog(carol, alice);
        long ts = System.currentTimeMillis() - 1_000_000;
        for (int i = 0; i < 20; i++) {
            secret.add(write(aliceAndBob, i % 2 == 0 ? alice : bob, ids.next(), ts++, "secret " + i).id());
            carolsOwn.add(write(carolAndAlice, i % 2 == 0 ? carol : alice, ids.next(), ts++, "hi " + i).id());
        }
        HistoryPage alicesView = get(alice, MESSAGES + "?limit=5", bob).expectStatus().isOk()
                .expectBody(HistoryPage.class).returnResult().getResponseBody();
        copiedCursors.add(alicesView.older());
        copiedCursors.add(alicesView.newer());
        HistoryPage older = get(alice, MESSAGES + "?limit=5&before={c}", bob, alicesView.older())
                .expectStatus().isOk().expectBody(HistoryPage.class).returnResult().getResponseBody();
        copiedCursors.add(older.older());
    }

    @Test
    void participantsCanReadIt() {
        HistoryPage page = get(bob, MESSAGES + "?limit=200", alice).expectStatus().isOk()
                .expectBody(HistoryPage.class).returnResult().getResponseBody();

        assertThat(page.messages()).extracting(MessageView::id).isEqualTo(secret);
    }

    @Test
    void aThirdUserNamingEitherParticipantGetsOnlyTheirOwnDialogOrNothing() {
        expectProblem(get(carol, MESSAGES, bob), 404, ProblemType.DIALOG_NOT_FOUND.uri());
        expectProblem(get(carol, OTUS_LIST, bob), 404, ProblemType.DIALOG_NOT_FOUND.uri());

        assertOnlyCarolsDialog(get(carol, MESSAGES + "?limit=200", alice).expectStatus().isOk()
                .expectBody(HistoryPage.class).returnResult().getResponseBody());
        List<OtusDialogMessage> list = get(carol, OTUS_LIST, alice).expectStatus().isOk()
                .expectBody(OTUS_MESSAGES).returnResult().getResponseBody();
        assertThat(list).hasSize(20).allSatisfy(m -> assertThat(m.text()).startsWith("hi "));
    }

    @Test
    void aThirdUserWithCursorsCopiedFromAParticipantStillSeesNothingOfTheirDialog() {
        for (String cursor : copiedCursors) {
            for (String direction : List.of("before", "after")) {
                expectProblem(get(carol, MESSAGES + "?" + direction + "={c}", bob, cursor), 404,
                        ProblemType.DIALOG_NOT_FOUND.uri());
                assertOnlyCarolsDialog(get(carol, MESSAGES + "?limit=200&" + direction + "={c}", alice, cursor)
                        .expectStatus().isOk().expectBody(HistoryPage.class).returnResult().getResponseBody());
            }
        }
    }

    @Test
    void aThirdUserCannotUseTheDialogIdOrTheirOwnIdAsFriend() {
        for (UUID friend : List.of(aliceAndBob, carol)) {
            expectProblem(get(carol, MESSAGES, friend), 404, ProblemType.DIALOG_NOT_FOUND.uri());
            expectProblem(get(carol, OTUS_LIST, friend), 404, ProblemType.DIALOG_NOT_FOUND.uri());
            for (String cursor : copiedCursors) {
                expectProblem(get(carol, MESSAGES + "?before={c}", friend, cursor), 404, ProblemType.DIALOG_NOT_FOUND.uri());
            }
        }
    }

    private void assertOnlyCarolsDialog(HistoryPage page) {
        assertThat(page.messages()).allSatisfy(m -> {
            assertThat(m.chatId()).isEqualTo(carolAndAlice);
            assertThat(carolsOwn).contains(m.id());
        });
        assertThat(page.messages()).extracting(MessageView::id).doesNotContainAnyElementsOf(secret);
    }
}
