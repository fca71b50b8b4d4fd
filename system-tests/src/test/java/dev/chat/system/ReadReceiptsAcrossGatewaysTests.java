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
 * Read markers through the whole system: a read set over HTTP on one gateway is applied by the real writer, shows in
 * the reader's dialog list for both users, and its receipt reaches both users' sessions on both gateways.
 */
class ReadReceiptsAcrossGatewaysTests {

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

    private static JsonNode onlyDialog(Client client) {
        JsonNode dialogs = client.dialogs().expect(200).json().get("dialogs");
        assertThat(dialogs.size()).as(dialogs.toString()).isEqualTo(1);
        return dialogs.get(0);
    }
}
