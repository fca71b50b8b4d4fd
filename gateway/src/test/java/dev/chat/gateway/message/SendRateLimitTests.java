package dev.chat.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.chat.boot.kafka.ChatTopics;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.common.id.MessageIds;
import dev.chat.gateway.GatewayIntegrationTest;
import dev.chat.gateway.TestHttp.Reply;
import dev.chat.gateway.TestHttp.User;
import dev.chat.gateway.TestSocket;
import dev.chat.gateway.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The per-user send budget over HTTP (both send endpoints) and WebSocket together. A burst of {@value #BURST} and
 * a refill so slow (one send per 100 s) that nothing refills during a test: the {@value #BURST}+1-th send is the
 * first refused, whatever the machine's speed.
 */
// A configuration no other test class shares: close it when this class ends, so its Kafka clients, pools and
// threads do not keep running beside the rest of the suite on a 2-core machine.
@DirtiesContext
@TestPropertySource(properties = {"chat.messages.send-burst=" + SendRateLimitTests.BURST, "chat.messages.send-rate=0.01",
        "chat.reads.burst=" + SendRateLimitTests.BURST, "chat.reads.rate=0.01"})
class SendRateLimitTests extends GatewayIntegrationTest {

    static final int BURST = 3;

    @Autowired
    ChatTopics kafka;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    private TopicProbe<SendMessageCommand> commands;
    private User me;
    private User friend;

    @BeforeEach
    void twoUsersWithADialog() {
        commands = new TopicProbe<>(brokers, kafka.topics().messageCommands(), SendMessageCommand.class);
        me = http.newUser("Flooder");
        friend = http.newUser("Friend");
        assertThat(http.post("/api/v1/dialogs", me.token(), Map.of("friend_id", friend.id().toString())).status()).isEqualTo(201);
    }

    @AfterEach
    void closeProbe() {
        commands.close();
    }

    @Test
    void theSendAfterTheBurstIs429WithRetryAfterAndIsNotPublished() {
        for (int i = 0; i < BURST; i++) {
            assertThat(send(me, friend, "within " + i, "ok-" + i).status()).isEqualTo(202);
        }

        Reply refused = send(me, friend, "one too many", "over-1");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.problemType()).isEqualTo("rate-limited");
        assertThat(refused.detail()).contains(BURST + " messages at once").contains("client_id");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 100L);
        assertThat(publishedUpToTheFriendsSentinel()).extracting(SendMessageCommand::clientId)
                .contains("ok-0", "ok-1", "ok-2").doesNotContain("over-1");
    }

    @Test
    void theOtusSendSharesTheBudgetAndIsRefusedTheSameWay() {
        for (int i = 0; i < BURST - 1; i++) {
            assertThat(send(me, friend, "v1 " + i, null).status()).isEqualTo(202);
        }
        assertThat(otusSend(me, friend, "the last of the burst").status()).isEqualTo(200);

        Reply refused = otusSend(me, friend, "otus one too many");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.problemType()).isEqualTo("rate-limited");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(publishedUpToTheFriendsSentinel()).extracting(SendMessageCommand::text)
                .contains("the last of the burst").doesNotContain("otus one too many");
    }

    @Test
    void webSocketSendsSpendTheSameBudgetAsHttp() {
        for (int i = 0; i < BURST; i++) {
            assertThat(send(me, friend, "http " + i, null).status()).isEqualTo(202);
        }
        try (TestSocket socket = TestSocket.connect(port, me.token())) {
            socket.send(Map.of("type", "send", "to", friend.id().toString(), "text", "over the socket", "client_id", "ws-1"));

            JsonNode error = socket.awaitType("error", "ws-1");
            assertThat(error.get("code").asString()).isEqualTo("rate-limited");
        }
    }

    @Test
    void anotherUserIsNotAffected() {
        for (int i = 0; i <= BURST; i++) {
            send(me, friend, "spending " + i, null);
        }
        assertThat(send(me, friend, "still refused", null).status()).isEqualTo(429);

        for (int i = 0; i < BURST; i++) {
            assertThat(send(friend, me, "friend " + i, null).status()).isEqualTo(202);
        }
    }

    /** Read markers have a budget of the same size here, but their own: spent sends leave it whole, and the reverse. */
    @Test
    void readMarkersSpendABudgetOfTheirOwnAndTheReadAfterItsBurstIs429() {
        for (int i = 0; i < BURST; i++) {
            assertThat(send(me, friend, "spending " + i, null).status()).isEqualTo(202);
        }
        assertThat(send(me, friend, "sends spent", null).status()).isEqualTo(429);
        String neverSent = new MessageIds().next().toString();

        for (int i = 0; i < BURST; i++) { // within the read budget: answered on their merits
            assertThat(read(me, friend, neverSent).problemType()).isEqualTo("message-not-found");
        }
        Reply refused = read(me, friend, neverSent);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.problemType()).isEqualTo("rate-limited");
        assertThat(refused.detail()).contains(BURST + " read markers at once");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        for (int i = 0; i <= BURST; i++) {
            read(friend, me, neverSent);
        }
        assertThat(read(friend, me, neverSent).status()).isEqualTo(429);
        assertThat(send(friend, me, "spent reads leave sends whole", null).status()).isEqualTo(202);
    }

    private Reply read(User reader, User friend, String messageId) {
        return http.post("/api/v1/dialogs/" + friend.id() + "/read", reader.token(), Map.of("message_id", messageId));
    }

    private Reply send(User from, User to, String text, String clientId) {
        Map<String, String> body = clientId == null ? Map.of("text", text) : Map.of("text", text, "client_id", clientId);
        return http.post("/api/v1/dialogs/" + to.id() + "/messages", from.token(), body);
    }

    private Reply otusSend(User from, User to, String text) {
        return http.post("/dialog/" + to.id() + "/send", from.token(), Map.of("text", text));
    }

    /**
     * My commands published so far: read up to a later message of the friend in the same dialog (its own budget),
     * which is on the same partition, so any refused send that was published anyway would have come before it.
     */
    private List<SendMessageCommand> publishedUpToTheFriendsSentinel() {
        Reply sentinel = send(friend, me, "sentinel", null);
        assertThat(sentinel.status()).isEqualTo(202);
        UUID sentinelId = UUID.fromString(sentinel.json().get("id").asString());
        return commands.readUntil(c -> c.messageId().equals(sentinelId)).stream().map(ConsumerRecord::value)
                .filter(c -> me.id().equals(c.authorId())).toList();
    }
}
