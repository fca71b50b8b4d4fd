package dev.chat.reader.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.chat.boot.problem.ProblemType;
import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.id.MessageIds;
import dev.chat.reader.ReaderApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.json.JsonCompareMode;

class OtusDialogApiTests extends ReaderApiTestSupport {

    private static final ParameterizedTypeReference<List<OtusDialogMessage>> OTUS_MESSAGES =
            new ParameterizedTypeReference<>() {
            };

    private static final String LIST = "/dialog/{user_id}/list";

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final MessageIds ids = new MessageIds();
    private long clock = System.currentTimeMillis() - 1_000_000;

    private List<ChatMessage> writeMany(UUID dialog, int count) {
        List<ChatMessage> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            written.add(write(dialog, i % 3 == 0 ? bob : alice, ids.next(), clock++, "text " + i));
        }
        return written;
    }

    @Test
    void listsFromToTextOldestFirst() {
        UUID dialog = newDialog(alice, bob);
        writeMany(dialog, 3);

        get(alice, LIST, bob).expectStatus().isOk()
                .expectBody().json("""
                        [{"from": "%1$s", "to": "%2$s", "text": "text 0"},
                         {"from": "%2$s", "to": "%1$s", "text": "text 1"},
                         {"from": "%2$s", "to": "%1$s", "text": "text 2"}]
                        """.formatted(bob, alice), JsonCompareMode.STRICT);
    }

    @Test
    void theOtherParticipantSeesTheSameMessagesWithTheSameFromAndTo() {
        UUID dialog = newDialog(alice, bob);
        List<ChatMessage> all = writeMany(dialog, 4);

        List<OtusDialogMessage> list = get(bob, LIST, alice).expectStatus().isOk()
                .expectBody(OTUS_MESSAGES).returnResult().getResponseBody();

        assertThat(list).containsExactlyElementsOf(all.stream()
                .map(m -> new OtusDialogMessage(m.authorId(), m.authorId().equals(alice) ? bob : alice, m.message()))
                .toList());
    }

    @Test
    void isCappedAtTheNewestHundred() {
        UUID dialog = newDialog(alice, bob);
        List<ChatMessage> all = writeMany(dialog, 130);

        List<OtusDialogMessage> list = get(alice, LIST, bob).expectStatus().isOk()
                .expectBody(OTUS_MESSAGES).returnResult().getResponseBody();

        assertThat(list).extracting(OtusDialogMessage::text)
                .isEqualTo(all.subList(30, 130).stream().map(ChatMessage::message).toList());
    }

    @Test
    void emptyDialogIsAnEmptyList() {
        newDialog(bob, alice);

        get(alice, LIST, bob).expectStatus().isOk().expectBody().json("[]");
    }

    @Test
    void noDialogIsNotFoundAndABadIdIsAnInvalidParameterProblem() {
        expectProblem(get(alice, LIST, bob), 404, ProblemType.DIALOG_NOT_FOUND.uri());
        expectProblem(get(alice, LIST, "42"), 400, ProblemType.INVALID_PARAMETER.uri());
    }
}
