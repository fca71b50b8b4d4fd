package dev.chat.gateway.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import dev.chat.boot.kafka.ChatTopics;
import dev.chat.common.command.CreateDialogCommand;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogStore;
import dev.chat.gateway.FakeWriter;
import dev.chat.gateway.GatewayIntegrationTest;
import dev.chat.gateway.TestHttp.Reply;
import dev.chat.gateway.TestHttp.User;
import dev.chat.gateway.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

class DialogApiTests extends GatewayIntegrationTest {

    @Autowired
    DialogStore store;

    @Autowired
    ChatTopics kafka;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void createsADialogWith201ThenAnswers200WithTheSameOneForBothUsers() {
        User me = http.newUser("Creator");
        User friend = http.newUser("Invitee");

        Reply created = http.post("/api/v1/dialogs", me.token(), Map.of("friend_id", friend.id().toString(), "name", "lunch"));
        Reply again = http.post("/api/v1/dialogs", me.token(), Map.of("friend_id", friend.id().toString()));
        Reply fromFriend = http.post("/api/v1/dialogs", friend.token(), Map.of("friend_id", me.id().toString()));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("name").asString()).isEqualTo("lunch");
        assertThat(created.json().get("owner_id").asString()).isEqualTo(me.id().toString());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(fromFriend.status()).isEqualTo(200);
        assertThat(fromFriend.json().get("id").asString()).isEqualTo(id);
        assertThat(fromFriend.json().get("owner_id").asString()).isEqualTo(me.id().toString());
        assertThat(store.findDialog(friend.id(), me.id())).map(Dialog::id).contains(UUID.fromString(id));
    }

    @Test
    void theCreateCommandIsKeyedByTheUnorderedPair() {
        User me = http.newUser("Keyed");
        User friend = http.newUser("Pair");

        assertThat(http.post("/api/v1/dialogs", me.token(), Map.of("friend_id", friend.id().toString())).status()).isEqualTo(201);

        try (var probe = new TopicProbe<>(brokers, kafka.topics().dialogCommands(), CreateDialogCommand.class)) {
            ConsumerRecord<String, CreateDialogCommand> record = probe.await(c -> me.id().equals(c.userId()));
            assertThat(record.key()).isEqualTo(CreateDialogCommand.pairKey(friend.id(), me.id()));
            assertThat(record.value().friendId()).isEqualTo(friend.id());
            assertThat(record.headers().lastHeader("__TypeId__")).isNull();
        }
    }

    @Test
    void aDialogTheWriterAlreadyHasIsReturnedWith200() {
        User me = http.newUser("Existing");
        User friend = http.newUser("Dialog");
        UUID existing = store.makeDialog(friend.id(), me.id(), UUID.randomUUID(), "old").dialog().id();

        Reply reply = http.post("/api/v1/dialogs", me.token(), Map.of("friend_id", friend.id().toString(), "name", "new"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("id").asString()).isEqualTo(existing.toString());
        assertThat(reply.json().get("name").asString()).isEqualTo("old");
        assertThat(reply.json().get("owner_id").asString()).isEqualTo(friend.id().toString());
    }

    @Test
    void aFriendThatDoesNotExistIsAFriendNotFoundProblem() {
        User me = http.newUser("NoFriend");

        Reply reply = http.post("/api/v1/dialogs", me.token(), Map.of("friend_id", UUID.randomUUID().toString()));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.problemType()).isEqualTo("friend-not-found");
    }

    @Test
    void aDialogWithYourselfIsAValidationProblem() {
        User me = http.newUser("Alone");

        Reply reply = http.post("/api/v1/dialogs", me.token(), Map.of("friend_id", me.id().toString()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemType()).isEqualTo("validation");
    }

    @Test
    void aMissingFriendIdOrAnOverlongNameIsAValidationProblem() {
        User me = http.newUser("Sloppy");

        Reply missing = http.post("/api/v1/dialogs", me.token(), Map.of("name", "x"));
        Reply longName = http.post("/api/v1/dialogs", me.token(), Map.of("friend_id", UUID.randomUUID().toString(),
                "name", "n".repeat(201)));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.problemType()).isEqualTo("validation");
        assertThat(missing.detail()).contains("friend_id");
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.detail()).contains("name");
    }

    @Test
    void noReplyFromTheWriterIsA503WithRetryAfter() {
        User me = http.newUser("Impatient");
        User friend = http.newUser("Silent");
        FakeWriter.SILENT_FOR.add(me.id());
        try {
            Reply reply = http.post("/api/v1/dialogs", me.token(), Map.of("friend_id", friend.id().toString()));

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.problemType()).isEqualTo("service-unavailable");
            assertThat(reply.header("Retry-After")).isEqualTo("1");
            assertThat(reply.detail()).contains("writer");
        } finally {
            FakeWriter.SILENT_FOR.remove(me.id());
        }
        assertThat(store.findDialog(me.id(), friend.id())).isEmpty();
    }
}
