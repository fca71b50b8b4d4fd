package dev.chat.gateway.friend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.chat.gateway.GatewayIntegrationTest;
import dev.chat.gateway.TestHttp.Reply;
import dev.chat.gateway.TestHttp.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class FriendApiTests extends GatewayIntegrationTest {

    @Autowired
    FriendRepository friends;

    @Test
    void settingAndDeletingAFriendAreIdempotent() {
        User me = http.newUser("Friendly");
        User friend = http.newUser("Friend");

        assertThat(http.put("/friend/set/" + friend.id(), me.token()).status()).isEqualTo(200);
        assertThat(http.put("/friend/set/" + friend.id(), me.token()).status()).isEqualTo(200);
        assertThat(friends.isFriend(me.id(), friend.id())).isTrue();
        assertThat(friends.isFriend(friend.id(), me.id())).isFalse();

        assertThat(http.put("/friend/delete/" + friend.id(), me.token()).status()).isEqualTo(200);
        assertThat(http.put("/friend/delete/" + friend.id(), me.token()).status()).isEqualTo(200);
        assertThat(friends.isFriend(me.id(), friend.id())).isFalse();
    }

    @Test
    void befriendingAnUnknownUserIsAUserNotFoundProblem() {
        User me = http.newUser("Lonely");

        Reply reply = http.put("/friend/set/" + UUID.randomUUID(), me.token());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.problemType()).isEqualTo("user-not-found");
    }

    @Test
    void befriendingYourselfIsAValidationProblem() {
        User me = http.newUser("Narcissus");

        Reply reply = http.put("/friend/set/" + me.id(), me.token());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemType()).isEqualTo("validation");
    }

    @Test
    void friendsNeedAToken() {
        Reply reply = http.put("/friend/set/" + UUID.randomUUID(), null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.problemType()).isEqualTo("unauthorized");
    }
}
