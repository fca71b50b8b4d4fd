package dev.chat.gateway.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.chat.boot.kafka.ChatTopics;
import dev.chat.common.command.ReadCommand;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.PageCursor;
import dev.chat.common.id.MessageIds;
import dev.chat.gateway.GatewayIntegrationTest;
import dev.chat.gateway.TestHttp.Reply;
import dev.chat.gateway.TestHttp.User;
import dev.chat.gateway.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** {@code POST /api/v1/dialogs/{friend_id}/read}: checked against the dialog and the store, then handed to Kafka. */
class ReadApiTests extends GatewayIntegrationTest {

    @Autowired
    DialogStore store;

    @Autowired
    ChatTopics kafka;

    /**
     * This context's own broker: {@code spring.kafka.bootstrap-servers} is a system property that every
     * {@code @EmbeddedKafka} context sets, so after another class's context started (a dirtied one) it names that one.
     */
    @Autowired
    EmbeddedKafkaBroker broker;

    private TopicProbe<ReadCommand> commands;
    private User me;
    private User friend;

    @BeforeEach
    void twoUsers() {
        commands = new TopicProbe<>(broker.getBrokersAsString(), kafka.topics().readCommands(), ReadCommand.class);
        me = http.newUser("Reader");
        friend = http.newUser("Writer");
    }

    @AfterEach
    void closeProbe() {
        commands.close();
    }

    @Test
    void aReadOfAStoredMessageIsPublishedKeyedByDialogWithTheIdsTsAndAnswered202() {
        UUID dialogId = createDialog();
        UUID messageId = storedMessage(friend, me, "read me");

        Reply reply = read(me, friend.id(), Map.of("message_id", messageId.toString()));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        assertThat(reply.json().get("dialog_id").asString()).isEqualTo(dialogId.toString());
        assertThat(reply.json().get("message_id").asString()).isEqualTo(messageId.toString());
        ConsumerRecord<String, ReadCommand> record = commands.await(c -> c.messageId().equals(messageId));
        assertThat(record.key()).isEqualTo(dialogId.toString());
        assertThat(record.headers().lastHeader("__TypeId__")).isNull();
        assertThat(record.value()).isEqualTo(new ReadCommand(dialogId, me.id(), friend.id(), messageId,
                MessageIds.millisOf(messageId)));
    }

    @Test
    void readingWithoutADialogIsADialogNotFoundProblem() {
        Reply reply = read(me, friend.id(), Map.of("message_id", new MessageIds().next().toString()));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.problemType()).isEqualTo("dialog-not-found");
    }

    @Test
    void aMessageTheDialogDoesNotHoldIsAMessageNotFoundProblemAndNothingIsPublished() {
        createDialog();
        User stranger = http.newUser("Stranger");
        assertThat(http.post("/api/v1/dialogs", friend.token(), Map.of("friend_id", stranger.id().toString())).status())
                .isEqualTo(201);
        UUID elsewhere = storedMessage(friend, stranger, "not yours");
        UUID neverSent = new MessageIds().next();

        Reply unknown = read(me, friend.id(), Map.of("message_id", neverSent.toString()));
        Reply otherDialog = read(me, friend.id(), Map.of("message_id", elsewhere.toString()));

        for (Reply reply : List.of(unknown, otherDialog)) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.problemType()).isEqualTo("message-not-found");
            assertThat(reply.json().get("title").asString()).isEqualTo("Message not found");
        }
        assertThat(unknown.detail()).contains(neverSent.toString());
        UUID sentinel = storedMessage(friend, me, "sentinel");
        assertThat(read(me, friend.id(), Map.of("message_id", sentinel.toString())).status()).isEqualTo(202);
        assertThat(commands.readUntil(c -> c.messageId().equals(sentinel))).extracting(r -> r.value().messageId())
                .doesNotContain(neverSent, elsewhere);
    }

    @Test
    void aMissingNullOrMalformedMessageIdOrAnExtraFieldIsABadRequestProblem() {
        createDialog();
        UUID id = new MessageIds().next();

        Reply missing = read(me, friend.id(), Map.of());
        Reply malformed = read(me, friend.id(), Map.of("message_id", "not-a-uuid"));
        Reply forged = read(me, friend.id(), Map.of("message_id", id.toString(), "user_id", friend.id().toString()));
        Reply nullId = http.send("POST", "/api/v1/dialogs/" + friend.id() + "/read", me.token(),
                "{\"message_id\": null}", "application/json");
        Reply noBody = http.send("POST", "/api/v1/dialogs/" + friend.id() + "/read", me.token(), "", "application/json");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.problemType()).isEqualTo("validation");
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("message_id");
        assertThat(nullId.problemType()).isEqualTo("validation");
        assertThat(malformed.problemType()).isEqualTo("wrong-type");
        assertThat(forged.problemType()).isEqualTo("unknown-field");
        assertThat(noBody.problemType()).isEqualTo("malformed-json");
        assertThat(List.of(malformed, forged, nullId, noBody)).allSatisfy(r -> assertThat(r.status()).isEqualTo(400));
    }

    @Test
    void aReadWithoutATokenIsUnauthorized() {
        Reply reply = http.post("/api/v1/dialogs/" + friend.id() + "/read", null,
                Map.of("message_id", new MessageIds().next().toString()));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.problemType()).isEqualTo("unauthorized");
    }

    private UUID createDialog() {
        Reply reply = http.post("/api/v1/dialogs", me.token(), Map.of("friend_id", friend.id().toString()));
        assertThat(reply.status()).isEqualTo(201);
        return UUID.fromString(reply.json().get("id").asString());
    }

    /** Sent over HTTP and awaited in the store (the stand-in writer stores it). */
    private UUID storedMessage(User from, User to, String text) {
        Reply sent = http.post("/api/v1/dialogs/" + to.id() + "/messages", from.token(), Map.of("text", text));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        UUID id = UUID.fromString(sent.json().get("id").asString());
        UUID dialogId = UUID.fromString(sent.json().get("dialog_id").asString());
        PageCursor at = new PageCursor(sent.json().get("ts").asLong(), id);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> store.hasMessage(dialogId, at));
        return id;
    }

    private Reply read(User reader, UUID friendId, Map<String, String> body) {
        return http.post("/api/v1/dialogs/" + friendId + "/read", reader.token(), body);
    }
}
