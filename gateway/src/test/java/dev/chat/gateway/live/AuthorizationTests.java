package dev.chat.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.PageRequest;
import dev.chat.gateway.TestHttp.Reply;
import dev.chat.gateway.TestHttp.User;
import dev.chat.gateway.TestSocket;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Carol, who is not in Alice and Bob's dialog, cannot write into it, create it on their behalf or hear its messages,
 * over HTTP (v1 and OTUS) or {@code /ws}. The author of a message is always the token's user: no body or frame field
 * can name another one (unknown fields are refused). Whatever she tries, Alice and Bob's dialog holds only their own
 * messages. Reading it through the reader: reader's {@code DialogAccessTests}.
 */
class AuthorizationTests extends WebSocketTest {

    private static final List<String> NOT_FOUND = List.of("dialog-not-found", "friend-not-found", "user-not-found");

    @Autowired
    DialogStore store;

    private User alice;
    private User bob;
    private User carol;
    private UUID theirs;

    @BeforeEach
    void aliceAndBobHaveADialog() {
        alice = http.newUser("Alice");
        bob = http.newUser("Bob");
        carol = http.newUser("Carol");
        theirs = dialog(alice, bob);
    }

    @Test
    void aThirdUserCannotWriteIntoOrCreateAnotherPairsDialogOverHttp() {
        for (UUID target : List.of(bob.id(), theirs)) {
            expectNotFound(http.post("/api/v1/dialogs/" + target + "/messages", carol.token(), Map.of("text", "forged")));
        }
        expectNotFound(http.post("/dialog/" + theirs + "/send", carol.token(), Map.of("text", "forged")));
        expectNotFound(http.post("/api/v1/dialogs", carol.token(), Map.of("friend_id", theirs.toString())));
        for (String forged : List.of("from", "author_id", "user_id", "dialog_id")) {
            Map<String, String> body = Map.of("text", "forged", forged, alice.id().toString());
            expectUnknownField(http.post("/api/v1/dialogs/" + bob.id() + "/messages", carol.token(), body));
            expectUnknownField(http.post("/dialog/" + bob.id() + "/send", carol.token(), body));
        }
        for (String onBehalf : List.of("user_id", "owner_id", "from")) {
            expectUnknownField(http.post("/api/v1/dialogs", carol.token(),
                    Map.of("friend_id", bob.id().toString(), onBehalf, alice.id().toString())));
        }

        Reply own = http.post("/api/v1/dialogs", carol.token(), Map.of("friend_id", bob.id().toString()));
        assertThat(own.status()).isEqualTo(201);
        assertThat(own.json().get("id").asString()).isNotEqualTo(theirs.toString());
        assertThat(own.json().get("owner_id").asString()).isEqualTo(carol.id().toString());
        Reply otus = http.post("/dialog/" + bob.id() + "/send", carol.token(), Map.of("text", "carol to bob"));
        assertThat(otus.json().get("dialog_id").asString()).isEqualTo(own.json().get("id").asString());

        assertTheirDialogHoldsOnly(alice, "only alice and bob write here");
    }

    @Test
    void aThirdUserCannotWriteIntoOrHearAnotherPairsDialogOverWebSocket() {
        TestSocket carols = socket(carol);
        TestSocket bobs = socket(bob);

        carols.send(send(bob, "forged", "to-bob"));
        carols.send(Map.of("type", "send", "to", theirs.toString(), "text", "forged", "client_id", "to-dialog"));
        carols.send(Map.of("type", "send", "to", bob.id().toString(), "text", "forged", "client_id", "as-alice",
                "from", alice.id().toString()));
        carols.send(send(carol, "to myself", "to-self"));

        assertThat(carols.awaitType("error", "to-bob").get("code").asString()).isEqualTo("dialog-not-found");
        assertThat(carols.awaitType("error", "to-dialog").get("code").asString()).isEqualTo("dialog-not-found");
        assertThat(carols.await(f -> "unknown-field".equals(f.path("code").asString()))).isNotNull();
        assertThat(carols.awaitType("error", "to-self").get("code").asString()).isEqualTo("validation");
        assertTheirDialogHoldsOnly(alice, "a secret for bob");
        bobs.await(f -> "message".equals(f.path("type").asString()) && "a secret for bob".equals(f.path("text").asString()));
        assertThat(carols.frames("message")).isEmpty();
        assertThat(carols.frames("accepted")).isEmpty();
    }

    /** Sends {@code text} as a participant, then checks it is the only message of their dialog. */
    private void assertTheirDialogHoldsOnly(User participant, String text) {
        User other = participant == alice ? bob : alice;
        assertThat(http.post("/api/v1/dialogs/" + other.id() + "/messages", participant.token(), Map.of("text", text)).status())
                .isEqualTo(202);
        List<ChatMessage> stored = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> store.showMessages(theirs, PageRequest.newest(100)).messages(), m -> !m.isEmpty());
        assertThat(stored).singleElement().satisfies(m -> {
            assertThat(m.message()).isEqualTo(text);
            assertThat(m.authorId()).isEqualTo(participant.id());
        });
    }

    private static void expectNotFound(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
        assertThat(reply.problemType()).isIn(NOT_FOUND);
    }

    private static void expectUnknownField(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.problemType()).isEqualTo("unknown-field");
    }
}
