package dev.chat.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.chat.boot.problem.ProblemType;
import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.PageRequest;
import dev.chat.gateway.GatewayIntegrationTest;
import dev.chat.gateway.HostileInput;
import dev.chat.gateway.TestHttp.Reply;
import dev.chat.gateway.TestHttp.User;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Injection attempts and Unicode edge cases are text like any other: accepted, and stored and returned byte for byte
 * (profiles in Postgres, messages in the dialog store through the stand-in writer). NUL is the one exception for
 * profiles and dialog names: PostgreSQL text cannot hold it, so it is a 400 there; messages keep it.
 */
class HostileTextTests extends GatewayIntegrationTest {

    @Autowired
    DialogStore store;

    /** Three strings per user (bcrypt makes users slow): every string in a name, a city and a biography. */
    @Test
    void hostileProfilesAreStoredAndReturnedByteForByteAndTheirPasswordsWork() {
        List<String> texts = withoutNul();
        for (int i = 0; i < texts.size(); i += 3) {
            String first = texts.get(i);
            String second = texts.get((i + 1) % texts.size());
            String city = texts.get((i + 2) % texts.size());
            String password = "password " + first;
            Map<String, Object> body = new LinkedHashMap<>(Map.of("first_name", first, "second_name", second,
                    "biography", first + second + city, "city", city, "password", password));

            Reply registered = http.post("/user/register", null, body);

            assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
            String id = registered.json().get("user_id").asString();
            JsonNode profile = http.get("/user/get/" + id, null).json();
            body.remove("password");
            body.forEach((field, text) -> assertThat(profile.get(field).asString()).as(field).isEqualTo(text));
            assertThat(http.post("/login", null, Map.of("id", id, "password", password)).status()).isEqualTo(200);
        }
    }

    @Test
    void nulInAProfileIsAValidationProblemNotAnOutage() {
        for (String field : List.of("first_name", "city", "biography")) {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("first_name", "Nul", "second_name", "Byte",
                    "password", "correct horse battery"));
            body.put(field, HostileInput.VALID.get("nul"));

            Reply reply = http.post("/user/register", null, body);

            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.problemType()).isEqualTo(ProblemType.VALIDATION.slug());
        }
    }

    @Test
    void hostileMessagesAreStoredByteForByteOverBothSendPaths() {
        User author = http.newUser("Hostile");
        User friend = http.newUser("Target");
        Reply dialog = http.post("/api/v1/dialogs", author.token(), Map.of("friend_id", friend.id().toString()));
        UUID dialogId = UUID.fromString(dialog.json().get("id").asString());
        Map<UUID, String> sent = new LinkedHashMap<>();

        HostileInput.VALID.forEach((name, text) -> {
            Reply v1 = http.post("/api/v1/dialogs/" + friend.id() + "/messages", author.token(), Map.of("text", text, "client_id", name));
            Reply otus = http.post("/dialog/" + author.id() + "/send", friend.token(), Map.of("text", text));
            assertThat(v1.status()).as(name + ": " + v1).isEqualTo(202);
            assertThat(otus.status()).as(name + ": " + otus).isEqualTo(200);
            sent.put(UUID.fromString(v1.json().get("id").asString()), text);
            sent.put(UUID.fromString(otus.json().get("id").asString()), text);
        });

        Map<UUID, String> stored = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<UUID, String> texts = new LinkedHashMap<>();
            for (ChatMessage m : store.showMessages(dialogId, PageRequest.newest(1000)).messages()) {
                texts.put(m.id(), m.message());
            }
            return texts;
        }, texts -> texts.size() >= sent.size());
        assertThat(stored).isEqualTo(sent);
    }

    @Test
    void hostileDialogNamesComeBackAsSentButNulIsRefused() {
        User owner = http.newUser("Namer");
        List<String> texts = withoutNul();
        for (int i = 0; i < texts.size(); i += 3) {
            String name = String.join(" ", texts.subList(i, Math.min(i + 3, texts.size())));
            UUID friend = http.register("Named", "Tester", "correct horse battery");

            Reply reply = http.post("/api/v1/dialogs", owner.token(), Map.of("friend_id", friend.toString(), "name", name));

            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            assertThat(reply.json().get("name").asString()).isEqualTo(name);
        }
        Reply nul = http.post("/api/v1/dialogs", owner.token(), Map.of("friend_id", UUID.randomUUID().toString(),
                "name", HostileInput.VALID.get("nul")));
        assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
        assertThat(nul.problemType()).isEqualTo(ProblemType.VALIDATION.slug());
    }

    private static List<String> withoutNul() {
        return HostileInput.VALID.values().stream().filter(t -> t.indexOf('\u0000') < 0).toList();
    }
}
