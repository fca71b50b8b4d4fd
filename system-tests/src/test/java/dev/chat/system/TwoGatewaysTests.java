package dev.chat.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The fan-out across instances: two gateways, the real writer and reader. A user connected to one gateway gets
 * what is sent through the other, both directions, over WebSocket and HTTP; read markers (issue #14) set on one
 * gateway are applied by the real writer, show in the reader's dialog list, and their receipts reach both users'
 * sessions on both gateways; typing on one gateway reaches the friend on the other. One system for all of them: starting one costs more than the tests.
 */
class TwoGatewaysTests {

    private static RunningSystem system;

    @BeforeAll
    static void start() {
        system = RunningSystem.start(2, 1);
        for (String gateway : system.gatewayUrls()) { // the fan-out reads from the end: it must be assigned first
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    Client.call("GET", gateway + "/actuator/health/websocket", null, null).status() == 200);
        }
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aUserOnOneGatewayReceivesWhatIsSentThroughTheOther() {
        List<String> gateways = system.gatewayUrls();
        Client alice = Client.register(gateways.get(0), system.readerUrl(), "Alice");
        Client bob = Client.register(gateways.get(1), system.readerUrl(), "Bob").via(gateways.get(1));
        alice.createDialog(bob).expect(201);

        try (ChatSocket aliceOnFirst = ChatSocket.open(gateways.get(0), alice);
             ChatSocket bobOnSecond = ChatSocket.open(gateways.get(1), bob)) {
            aliceOnFirst.send(bob, "from gateway one", "x-1");
            JsonNode accepted = aliceOnFirst.await(f -> "accepted".equals(f.path("type").asString()));
            JsonNode atBob = bobOnSecond.awaitMessage("from gateway one");
            bob.send(alice, "back over HTTP through gateway two", "x-2").expect(202);
            JsonNode atAlice = aliceOnFirst.awaitMessage("back over HTTP through gateway two");

            assertThat(atBob.get("id").asString()).isEqualTo(accepted.get("id").asString());
            assertThat(atBob.get("author_id").asString()).isEqualTo(alice.id.toString());
            assertThat(atAlice.get("author_id").asString()).isEqualTo(bob.id.toString());
            // the writer stored both, in the order the gateways accepted them
            JsonNode page = await().atMost(Duration.ofSeconds(30)).until(() -> bob.history(alice, "").expect(200).json(),
                    p -> p.get("messages").size() == 2);
            assertThat(page.get("messages").get(0).get("id").asString()).isEqualTo(atBob.get("id").asString());
            assertThat(page.get("messages").get(1).get("id").asString()).isEqualTo(atAlice.get("id").asString());
        }
    }

    @Test
    void aReadOnTheSecondGatewayClearsTheUnreadCountAndReachesBothUsersOnBothGateways() {
        List<String> gateways = system.gatewayUrls();
        Client alice = Client.register(gateways.get(0), system.readerUrl(), "Alice");
        Client bob = Client.register(gateways.get(1), system.readerUrl(), "Bob").via(gateways.get(1));
        alice.createDialog(bob).expect(201);

        try (ChatSocket aliceOnFirst = ChatSocket.open(gateways.get(0), alice);
             ChatSocket bobOnSecond = ChatSocket.open(gateways.get(1), bob)) {
            String id = alice.send(bob, "did you read this?", "rr-1").expect(202).json().get("id").asString();
            bobOnSecond.awaitMessage("did you read this?");
            JsonNode unread = await().atMost(Duration.ofSeconds(30)).until(() -> onlyDialog(bob),
                    d -> d.get("unread").asLong() == 1);
            assertThat(unread.get("last_message").get("id").asString()).isEqualTo(id);
            assertThat(unread.get("read_up_to").isNull()).isTrue();

            JsonNode accepted = bob.markRead(alice, id).expect(202).json();

            JsonNode atAlice = aliceOnFirst.await(f -> "read".equals(f.path("type").asString()));
            JsonNode atBob = bobOnSecond.await(f -> "read".equals(f.path("type").asString()));
            for (JsonNode receipt : List.of(atAlice, atBob)) {
                assertThat(receipt.get("dialog_id").asString()).isEqualTo(accepted.get("dialog_id").asString());
                assertThat(receipt.get("user_id").asString()).isEqualTo(bob.id.toString());
                assertThat(receipt.get("message_id").asString()).isEqualTo(id);
            }
            // the writer moved both markers before it published the receipt
            JsonNode bobs = onlyDialog(bob);
            assertThat(bobs.get("unread").asLong()).isZero();
            assertThat(bobs.get("read_up_to").asString()).isEqualTo(id);
            assertThat(onlyDialog(alice).get("friend_read_up_to").asString()).isEqualTo(id);
            assertThat(accepted.get("message_id").asString()).isEqualTo(id);
        }
    }

    @Test
    void typingOnOneGatewayReachesTheFriendOnTheOther() {
        List<String> gateways = system.gatewayUrls();
        Client alice = Client.register(gateways.get(0), system.readerUrl(), "Alice");
        Client bob = Client.register(gateways.get(1), system.readerUrl(), "Bob").via(gateways.get(1));
        alice.createDialog(bob).expect(201);

        try (ChatSocket aliceOnFirst = ChatSocket.open(gateways.get(0), alice);
             ChatSocket bobOnSecond = ChatSocket.open(gateways.get(1), bob)) {
            aliceOnFirst.typing(bob);
            JsonNode atBob = bobOnSecond.await(f -> "typing".equals(f.path("type").asString()));
            assertThat(atBob.get("from").asString()).isEqualTo(alice.id.toString());

            bobOnSecond.typing(alice);
            JsonNode atAlice = aliceOnFirst.await(f -> "typing".equals(f.path("type").asString()));
            assertThat(atAlice.get("from").asString()).isEqualTo(bob.id.toString());
        }
    }

    private static JsonNode onlyDialog(Client client) {
        JsonNode dialogs = client.dialogs().expect(200).json().get("dialogs");
        assertThat(dialogs.size()).as(dialogs.toString()).isEqualTo(1);
        return dialogs.get(0);
    }
}
