package dev.chat.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import dev.chat.common.command.PresenceSignal;
import dev.chat.gateway.TestHttp.User;
import dev.chat.gateway.TestSocket;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/** Presence: pushed to the sessions of the users who named the user as a friend, and {@code online} in their list. */
class WebSocketPresenceTests extends WebSocketTest {

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private PresenceBoard board;

    @Autowired
    private SessionRegistry sessions;

    @BeforeEach
    void signalsAreAssigned() {
        MessageListenerContainer container = listeners.getListenerContainer(LiveSignalListener.ID);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> container.getAssignedPartitions() != null
                && !container.getAssignedPartitions().isEmpty());
    }

    @Test
    void aFriendSeesTheFirstSessionOpenAndTheLastCloseAndSoDoesTheFriendsList() {
        User alice = http.newUser("Alice");
        User bob = http.newUser("Bob");
        User carol = http.newUser("Carol");
        namesAsFriend(bob, alice);
        TestSocket bobSocket = socket(bob);
        TestSocket carolSocket = socket(carol);
        assertThat(onlineInList(bob, alice)).isFalse();

        TestSocket first = socket(alice);
        TestSocket second = socket(alice);
        JsonNode online = bobSocket.await(f -> presence(f, alice, true));
        assertThat(online.propertyNames()).containsExactlyInAnyOrder("type", "user_id", "online");
        assertThat(onlineInList(bob, alice)).isTrue();

        first.close();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sessions.sessionsOf(alice.id()).size() == 1);
        assertThat(board.isOnline(alice.id())).as("one session of two closed: still online").isTrue();
        second.close();
        bobSocket.await(f -> presence(f, alice, false));
        assertThat(onlineInList(bob, alice)).isFalse();
        assertThat(carolSocket.frames("presence")).as("Carol did not name Alice as a friend").isEmpty();
    }

    @Test
    void aGatewayThatStopsRenewingItsUsersTakesThemOfflineAfterTheExpiry() {
        User ghost = http.newUser("Ghost");
        User dan = http.newUser("Dan");
        namesAsFriend(dan, ghost);
        TestSocket danSocket = socket(dan);
        long now = System.currentTimeMillis();

        board.apply(new PresenceSignal("a-killed-gateway", List.of(ghost.id()), List.of()), now);
        danSocket.await(f -> presence(f, ghost, true));
        board.sweep(now + (PresenceBoard.EXPIRY_SECONDS - 1) * 1000L);
        assertThat(board.isOnline(ghost.id())).as("within the expiry").isTrue();
        board.sweep(now + (PresenceBoard.EXPIRY_SECONDS + 1) * 1000L);

        assertThat(board.isOnline(ghost.id())).isFalse();
        danSocket.await(f -> presence(f, ghost, false));
    }

    private void namesAsFriend(User user, User friend) {
        assertThat(http.put("/friend/set/" + friend.id(), user.token()).status()).isEqualTo(200);
    }

    private boolean onlineInList(User user, User friend) {
        for (JsonNode f : http.get("/api/v1/friends", user.token()).json()) {
            if (f.get("id").asString().equals(friend.id().toString())) {
                return f.get("online").asBoolean();
            }
        }
        throw new AssertionError(friend + " not in the friends list");
    }

    private static boolean presence(JsonNode frame, User user, boolean online) {
        return "presence".equals(frame.path("type").asString())
                && user.id().toString().equals(frame.path("user_id").asString())
                && frame.path("online").asBoolean() == online;
    }
}
