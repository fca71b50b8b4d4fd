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
 * sessions on both gateways; typing and presence on one gateway reach the friend on the other. One system for all of them:
 * starting one costs more than the tests.
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
        Client alice = newUser(0, "Alice");
        Client bob = newUser(1, "Bob");
        alice.createDialog(bob).expect(201);

        try (ChatSocket aliceOnFirst = ChatSocket.open(system.gatewayUrls().get(0), alice);
             ChatSocket bobOnSecond = ChatSocket.open(system.gatewayUrls().get(1), bob)) {
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
        Client alice = newUser(0, "Alice");
        Client bob = newUser(1, "Bob");
        alice.createDialog(bob).expect(201);

        try (ChatSocket aliceOnFirst = ChatSocket.open(system.gatewayUrls().get(0), alice);
             ChatSocket bobOnSecond = ChatSocket.open(system.gatewayUrls().get(1), bob)) {
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
        Client alice = newUser(0, "Alice");
        Client bob = newUser(1, "Bob");
        alice.createDialog(bob).expect(201);

        try (ChatSocket aliceOnFirst = ChatSocket.open(system.gatewayUrls().get(0), alice);
             ChatSocket bobOnSecond = ChatSocket.open(system.gatewayUrls().get(1), bob)) {
            aliceOnFirst.typing(bob);
            JsonNode atBob = bobOnSecond.await(f -> "typing".equals(f.path("type").asString()));
            assertThat(atBob.get("from").asString()).isEqualTo(alice.id.toString());

            bobOnSecond.typing(alice);
            JsonNode atAlice = aliceOnFirst.await(f -> "typing".equals(f.path("type").asString()));
            assertThat(atAlice.get("from").asString()).isEqualTo(bob.id.toString());
        }
    }

    @Test
    void presenceOnOneGatewayReachesAFriendOnTheOtherAndItsFriendsList() {
        Client alice = newUser(0, "Alice");
        Client bob = newUser(1, "Bob");
        bob.addFriend(alice).expect(200);

        try (ChatSocket bobOnSecond = ChatSocket.open(system.gatewayUrls().get(1), bob)) {
            try (ChatSocket aliceOnFirst = ChatSocket.open(system.gatewayUrls().get(0), alice)) {
                bobOnSecond.await(f -> presence(f, alice, true));
                assertThat(onlineFor(bob, alice)).isTrue();
            }
            bobOnSecond.await(f -> presence(f, alice, false));
            assertThat(onlineFor(bob, alice)).isFalse();
        }
    }

    private static boolean presence(JsonNode frame, Client user, boolean online) {
        return "presence".equals(frame.path("type").asString())
                && user.id.toString().equals(frame.path("user_id").asString()) && frame.path("online").asBoolean() == online;
    }

    /** {@code online} of {@code friend} in the user's {@code GET /api/v1/friends}, from the user's gateway. */
    private static boolean onlineFor(Client user, Client friend) {
        for (JsonNode f : user.friends().expect(200).json()) {
            if (f.get("id").asString().equals(friend.id.toString())) {
                return f.get("online").asBoolean();
            }
        }
        throw new AssertionError(friend.id + " not in the friends list");
    }

    /** A new user registered on, and calling, gateway {@code gateway} (0 or 1). */
    private static Client newUser(int gateway, String name) {
        String url = system.gatewayUrls().get(gateway);
        return Client.register(url, system.readerUrl(), name).via(url);
    }

    private static JsonNode onlyDialog(Client client) {
        JsonNode dialogs = client.dialogs().expect(200).json().get("dialogs");
        assertThat(dialogs.size()).as(dialogs.toString()).isEqualTo(1);
        return dialogs.get(0);
    }
}
