package dev.chat.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.chat.gateway.TestHttp.Reply;
import dev.chat.gateway.TestHttp.User;
import dev.chat.gateway.TestSocket;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebSocketChatTests extends WebSocketTest {

    @Test
    void twoUsersChatBothWaysAndEachSeesEveryMessageOnce() {
        User alice = http.newUser("Alice");
        User bob = http.newUser("Bob");
        UUID dialogId = dialog(alice, bob);
        TestSocket aliceSocket = socket(alice);
        TestSocket bobSocket = socket(bob);

        aliceSocket.send(send(bob, "hi Bob 👋", "a-1"));
        JsonNode accepted = aliceSocket.awaitType("accepted", "a-1");
        JsonNode atBob = bobSocket.await(f -> "message".equals(f.path("type").asString()) && "hi Bob 👋".equals(f.path("text").asString()));
        bobSocket.send(send(alice, "hi Alice", "b-1"));
        JsonNode atAlice = aliceSocket.await(f -> "message".equals(f.path("type").asString()) && "hi Alice".equals(f.path("text").asString()));

        assertThat(accepted.get("dialog_id").asString()).isEqualTo(dialogId.toString());
        assertThat(atBob.get("id").asString()).isEqualTo(accepted.get("id").asString());
        assertThat(atBob.get("dialog_id").asString()).isEqualTo(dialogId.toString());
        assertThat(atBob.get("author_id").asString()).isEqualTo(alice.id().toString());
        assertThat(atBob.get("ts").asLong()).isEqualTo(accepted.get("ts").asLong());
        assertThat(atBob.get("client_id").isNull()).as("the author's request id is not the recipient's business").isTrue();
        assertThat(atAlice.get("author_id").asString()).isEqualTo(bob.id().toString());
        // both participants get both messages, the author's own copy with its client_id
        JsonNode ownCopy = aliceSocket.awaitType("message", "a-1");
        assertThat(ownCopy.get("id").asString()).isEqualTo(accepted.get("id").asString());
        bobSocket.awaitType("message", "b-1");
        assertThat(aliceSocket.frames("message")).hasSize(2);
        assertThat(bobSocket.frames("message")).hasSize(2);
    }

    @Test
    void everySessionOfBothUsersReceivesTheMessage() {
        User carol = http.newUser("Carol");
        User dave = http.newUser("Dave");
        dialog(carol, dave);
        List<TestSocket> carols = List.of(socket(carol), socketWithQueryToken(carol));
        List<TestSocket> daves = List.of(socket(dave), socket(dave), socketWithQueryToken(dave));

        carols.get(0).send(send(dave, "to all your tabs", "c-1"));

        String id = carols.get(0).awaitType("accepted", "c-1").get("id").asString();
        for (TestSocket socket : List.of(carols.get(0), carols.get(1), daves.get(0), daves.get(1), daves.get(2))) {
            assertThat(socket.await(f -> id.equals(f.path("id").asString()) && "message".equals(f.path("type").asString()))
                    .get("text").asString()).isEqualTo("to all your tabs");
        }
    }

    @Test
    void aMessageSentOverHttpIsPushedToo() {
        User erin = http.newUser("Erin");
        User frank = http.newUser("Frank");
        dialog(erin, frank);
        TestSocket frankSocket = socket(frank);

        Reply reply = http.post("/api/v1/dialogs/" + frank.id() + "/messages", erin.token(), Map.of("text", "over HTTP"));

        assertThat(reply.status()).isEqualTo(202);
        String id = reply.json().get("id").asString();
        assertThat(frankSocket.await(f -> id.equals(f.path("id").asString())).get("text").asString()).isEqualTo("over HTTP");
    }

    @Test
    void aRetryWithTheSameClientIdIsTheSameMessage() {
        User gina = http.newUser("Gina");
        User hank = http.newUser("Hank");
        dialog(gina, hank);
        TestSocket ginaSocket = socket(gina);
        TestSocket hankSocket = socket(hank);

        ginaSocket.send(send(hank, "once", "retry-1"));
        String first = ginaSocket.awaitType("accepted", "retry-1").get("id").asString();
        ginaSocket.send(send(hank, "once", "retry-1"));
        ginaSocket.await(f -> "accepted".equals(f.path("type").asString()) && ginaSocket.frames("accepted").size() == 2);
        Reply overHttp = http.post("/api/v1/dialogs/" + hank.id() + "/messages", gina.token(),
                Map.of("text", "once", "client_id", "retry-1"));
        ginaSocket.send(send(hank, "marker", "retry-2"));
        hankSocket.await(f -> "marker".equals(f.path("text").asString()));

        assertThat(ginaSocket.frames("accepted")).filteredOn(f -> "retry-1".equals(f.get("client_id").asString()))
                .extracting(f -> f.get("id").asString()).containsExactly(first, first);
        assertThat(overHttp.json().get("id").asString()).as("one idempotency registry for both transports").isEqualTo(first);
        assertThat(hankSocket.frames("message")).extracting(f -> f.get("text").asString()).containsExactly("once", "marker");
    }

    @Test
    void serviceProblemsComeBackAsErrorFramesWithTheProblemType() {
        User ivan = http.newUser("Ivan");
        User judy = http.newUser("Judy");
        TestSocket socket = socket(ivan);

        socket.send(send(judy, "no dialog yet", "e-1"));
        JsonNode noDialog = socket.awaitType("error", "e-1");
        dialog(ivan, judy);
        socket.send(send(judy, " \n ", "e-2"));
        JsonNode blank = socket.awaitType("error", "e-2");
        socket.send(send(judy, "x".repeat(4097), "e-3"));
        JsonNode tooLong = socket.awaitType("error", "e-3");
        socket.send(send(judy, "first", "e-4"));
        socket.awaitType("accepted", "e-4");
        socket.send(send(judy, "another text", "e-4"));
        JsonNode conflict = socket.awaitType("error", "e-4");
        socket.send(Map.of("type", "send", "to", judy.id().toString(), "text", "bad id", "client_id", "with space"));
        JsonNode badClientId = socket.await(f -> "error".equals(f.path("type").asString()) && "with space".equals(f.path("client_id").asString(null)));
        socket.send(send(ivan, "to myself", "e-5"));
        JsonNode self = socket.awaitType("error", "e-5");

        assertThat(noDialog.get("code").asString()).isEqualTo("dialog-not-found");
        assertThat(blank.get("code").asString()).isEqualTo("validation");
        assertThat(blank.get("message").asString()).startsWith("text:");
        assertThat(tooLong.get("code").asString()).isEqualTo("validation");
        assertThat(tooLong.get("message").asString()).contains("4096");
        assertThat(conflict.get("code").asString()).isEqualTo("client-id-conflict");
        assertThat(badClientId.get("code").asString()).isEqualTo("validation");
        assertThat(badClientId.get("message").asString()).startsWith("client_id:");
        assertThat(self.get("code").asString()).isEqualTo("validation");
        assertThat(socket.isClosed()).isFalse();
    }

    @Test
    void pushLatencyIsAnActuatorMetric() {
        User kim = http.newUser("Kim");
        User leo = http.newUser("Leo");
        dialog(kim, leo);
        TestSocket leoSocket = socket(leo);
        TestSocket kimSocket = socket(kim);
        kimSocket.send(send(leo, "measure me", "m-1"));
        leoSocket.await(f -> "measure me".equals(f.path("text").asString()));

        Reply metric = http.get("/actuator/metrics/chat.gateway.push.latency", kim.token());

        assertThat(metric.status()).as(metric.toString()).isEqualTo(200);
        JsonNode count = metric.json().get("measurements").get(0);
        assertThat(count.get("statistic").asString()).isEqualTo("COUNT");
        assertThat(count.get("value").asDouble()).isGreaterThanOrEqualTo(1);
    }
}
