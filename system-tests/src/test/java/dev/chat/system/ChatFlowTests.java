package dev.chat.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The customer's flow end to end: register → login → create dialog → send (HTTP → gateway → Kafka → writer →
 * store) → read history from the reader. The same flow runs once per dialog store ({@code chat.store}); each
 * subclass checks what its store holds afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChatFlowTests {

    protected RunningSystem system;
    protected StatefulRedisConnection<String, String> connection;
    private RedisClient redis;

    protected abstract RunningSystem.Store store();

    /**
     * What the store holds after the first test: the two messages of {@code dialogId}, the first one
     * {@code accepted} (its id, ts, author) with {@code text}.
     */
    protected abstract void assertStored(String dialogId, JsonNode accepted, Client author, Client friend,
                                         String text);

    @BeforeAll
    void start() {
        system = RunningSystem.start(store(), 1, 1);
        redis = RedisClient.create(system.redisUri());
        connection = redis.connect();
    }

    @AfterAll
    void stop() {
        if (connection != null) {
            connection.close();
            redis.shutdown();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void messageSentThroughTheGatewayIsStoredByTheWriterAndReadFromTheReader() {
        Client alice = Client.register(system.gatewayUrl(), system.readerUrl(), "Alice");
        Client bob = Client.register(system.gatewayUrl(), system.readerUrl(), "Bob");

        JsonNode dialog = alice.createDialog(bob).expect(201).json();
        String dialogId = dialog.get("id").asString();
        assertThat(dialog.get("owner_id").asString()).isEqualTo(alice.id.toString());
        assertThat(bob.createDialog(alice).expect(200).json().get("id").asString()).isEqualTo(dialogId);

        String text = "Hello Bob 👋 \"quoted\" \\ back";
        JsonNode accepted = alice.send(bob, text, "c-1").expect(202).json();
        assertThat(accepted.get("dialog_id").asString()).isEqualTo(dialogId);
        JsonNode retried = alice.send(bob, text, "c-1").expect(202).json();
        assertThat(retried.get("id").asString()).isEqualTo(accepted.get("id").asString());
        bob.otusSend(alice, "Hi Alice").expect(200);

        JsonNode page = await().atMost(Duration.ofSeconds(30))
                .until(() -> alice.history(bob, "").expect(200).json(), p -> p.get("messages").size() == 2);
        JsonNode first = page.get("messages").get(0);
        assertThat(first.get("id").asString()).isEqualTo(accepted.get("id").asString());
        assertThat(first.get("message").asString()).isEqualTo(text);
        assertThat(first.get("author_id").asString()).isEqualTo(alice.id.toString());
        assertThat(page.get("messages").get(1).get("message").asString()).isEqualTo("Hi Alice");

        assertStored(dialogId, accepted, alice, bob, text);
    }

    @Test
    void otusListShowsTheDialogToBothParticipantsAndNobodyElse() {
        Client carol = Client.register(system.gatewayUrl(), system.readerUrl(), "Carol");
        Client dave = Client.register(system.gatewayUrl(), system.readerUrl(), "Dave");
        Client eve = Client.register(system.gatewayUrl(), system.readerUrl(), "Eve");
        carol.otusSend(dave, "first send creates the dialog").expect(200);

        JsonNode list = await().atMost(Duration.ofSeconds(30))
                .until(() -> dave.otusList(carol).expect(200).json(), l -> l.size() == 1);
        assertThat(list.get(0).get("from").asString()).isEqualTo(carol.id.toString());
        assertThat(list.get(0).get("to").asString()).isEqualTo(dave.id.toString());
        assertThat(list.get(0).get("text").asString()).isEqualTo("first send creates the dialog");

        eve.history(carol, "").expect(404);
        eve.history(dave, "").expect(404);
        eve.otusList(carol).expect(404);
    }

    @Test
    void aBurstFromBothSidesIsStoredOnceEachInSendingOrder() {
        Client frank = Client.register(system.gatewayUrl(), system.readerUrl(), "Frank");
        Client grace = Client.register(system.gatewayUrl(), system.readerUrl(), "Grace");
        frank.createDialog(grace).expect(201);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Client from = i % 2 == 0 ? frank : grace;
            Client to = i % 2 == 0 ? grace : frank;
            sent.add(from.send(to, "message " + i, "burst-" + i).expect(202).json().get("id").asString());
        }

        JsonNode page = await().atMost(Duration.ofSeconds(30))
                .until(() -> grace.history(frank, "?limit=200").expect(200).json(), p -> p.get("messages").size() >= 40);
        List<String> read = new ArrayList<>();
        page.get("messages").forEach(m -> read.add(m.get("id").asString()));
        assertThat(read).containsExactlyElementsOf(sent);
    }

    @Test
    void hostileTextIsStoredAndReadBackByteForByteOverHttpAndWebSocket() {
        HostileRoundTrip.check(system);
    }
}
