package dev.chat.gateway.friend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chat.gateway.GatewayIntegrationTest;
import dev.chat.gateway.TestHttp.Reply;
import dev.chat.gateway.TestHttp.User;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FriendListApiTests extends GatewayIntegrationTest {

    @Test
    void listsTheUsersICalledFriendsByName() {
        User me = http.newUser("Lister");
        User zoe = http.newUser("Zoe");
        User adam = http.newUser("adam");
        User stranger = http.newUser("Stranger");
        http.put("/friend/set/" + zoe.id(), me.token());
        http.put("/friend/set/" + adam.id(), me.token());
        http.put("/friend/set/" + me.id(), stranger.token()); // one-directional: not my friend

        Reply reply = http.get("/api/v1/friends", me.token());

        assertThat(reply.status()).isEqualTo(200);
        JsonNode list = reply.json();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("id").asString()).isEqualTo(adam.id().toString());
        assertThat(list.get(0).get("first_name").asString()).isEqualTo("adam");
        assertThat(list.get(0).get("second_name").asString()).isEqualTo("Tester");
        assertThat(list.get(1).get("id").asString()).isEqualTo(zoe.id().toString());
        assertThat(list.get(0).propertyNames()).containsExactlyInAnyOrder("id", "first_name", "second_name", "online");
    }

    @Test
    void aRemovedFriendIsNotListedAndNobodyIsAnEmptyList() {
        User me = http.newUser("Fickle");
        User ex = http.newUser("Ex");
        http.put("/friend/set/" + ex.id(), me.token());
        http.put("/friend/delete/" + ex.id(), me.token());

        assertThat(http.get("/api/v1/friends", me.token()).json()).isEmpty();
        assertThat(http.get("/api/v1/friends", null).status()).isEqualTo(401);
    }
}
