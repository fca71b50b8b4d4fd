package dev.chat.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.chat.boot.kafka.ChatTopics;
import dev.chat.common.command.RequestIds;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.common.dialog.ClientIdClaim;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.id.MessageIds;
import dev.chat.gateway.GatewayIntegrationTest;
import dev.chat.gateway.TestHttp.Reply;
import dev.chat.gateway.TestHttp.User;
import dev.chat.gateway.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

class MessageApiTests extends GatewayIntegrationTest {

    @Autowired
    DialogStore store;

    @Autowired
    ChatTopics kafka;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    private TopicProbe<SendMessageCommand> commands;
    private User me;
    private User friend;

    @BeforeEach
    void twoUsers() {
        commands = new TopicProbe<>(brokers, kafka.topics().messageCommands(), SendMessageCommand.class);
        me = http.newUser("Sender");
        friend = http.newUser("Recipient");
    }

    @AfterEach
    void closeProbe() {
        commands.close();
    }

    @Test
    void aSendIsPublishedKeyedByDialogAndAnswered202WithTheSameId() {
        UUID dialogId = createDialog();

        Reply reply = send(me, friend.id(), Map.of("text", "Привет, как дела? 👋"));

        assertThat(reply.status()).isEqualTo(202);
        UUID id = UUID.fromString(reply.json().get("id").asString());
        long ts = reply.json().get("ts").asLong();
        assertThat(reply.json().get("dialog_id").asString()).isEqualTo(dialogId.toString());
        assertThat(ts).isEqualTo(MessageIds.millisOf(id));
        ConsumerRecord<String, SendMessageCommand> record = commands.await(c -> c.messageId().equals(id));
        assertThat(record.key()).isEqualTo(dialogId.toString());
        assertThat(record.headers().lastHeader("__TypeId__")).isNull();
        assertThat(record.value()).isEqualTo(new SendMessageCommand(id, dialogId, me.id(), friend.id(),
                "Привет, как дела? 👋", ts, null));
    }

    @Test
    void theRequestIdAnsweredToTheClientTravelsWithTheCommandAndTheSendIsCounted() {
        createDialog();
        double acceptedBefore = meters.counter(CommandPublisher.MESSAGES, "outcome", "accepted").count();

        Reply reply = send(me, friend.id(), Map.of("text", "traced"));

        assertThat(meters.counter(CommandPublisher.MESSAGES, "outcome", "accepted").count()).isGreaterThan(acceptedBefore);

        String requestId = reply.headers().firstValue(RequestIds.HTTP_HEADER).orElseThrow();
        UUID id = UUID.fromString(reply.json().get("id").asString());
        ConsumerRecord<String, SendMessageCommand> record = commands.await(c -> c.messageId().equals(id));
        assertThat(new String(record.headers().lastHeader(RequestIds.KAFKA_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo(requestId);
    }

    @Test
    void theFriendSendsIntoTheSameDialog() {
        UUID dialogId = createDialog();

        Reply reply = send(friend, me.id(), Map.of("text", "hi back"));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().get("dialog_id").asString()).isEqualTo(dialogId.toString());
        UUID id = UUID.fromString(reply.json().get("id").asString());
        SendMessageCommand command = commands.await(c -> c.messageId().equals(id)).value();
        assertThat(command.authorId()).isEqualTo(friend.id());
        assertThat(command.recipientId()).isEqualTo(me.id());
    }

    @Test
    void sendingWithoutADialogIsADialogNotFoundProblem() {
        Reply reply = send(me, friend.id(), Map.of("text", "anyone there?"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.problemType()).isEqualTo("dialog-not-found");
    }

    @Test
    void blankMissingOrOverlongTextIsAValidationProblem() {
        createDialog();

        Reply blank = send(me, friend.id(), Map.of("text", " \n\t"));
        Reply missing = send(me, friend.id(), Map.of("client_id", "c-1"));
        Reply overlong = send(me, friend.id(), Map.of("text", "a".repeat(4097)));

        for (Reply reply : List.of(blank, missing, overlong)) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.problemType()).isEqualTo("validation");
            assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("text");
        }
        assertThat(overlong.detail()).contains("4096");
    }

    @Test
    void theLimitCountsCharactersNotUtf16Units() {
        createDialog();

        Reply emoji = send(me, friend.id(), Map.of("text", "😀".repeat(4096)));
        Reply tooMany = send(me, friend.id(), Map.of("text", "😀".repeat(4097)));

        assertThat(emoji.status()).isEqualTo(202);
        assertThat(tooMany.status()).isEqualTo(400);
    }

    @Test
    void aRetryWithTheSameClientIdGetsTheSameAnswerAndPublishesOnce() {
        createDialog();
        Map<String, String> body = Map.of("text", "only once", "client_id", "retry-1");

        Reply first = send(me, friend.id(), body);
        Reply retry = send(me, friend.id(), body);

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(publishedWithClientId("retry-1")).hasSize(1);
    }

    @Test
    void concurrentDuplicatesOfOneClientIdPublishOnce() throws Exception {
        createDialog();
        Map<String, String> body = Map.of("text", "stampede", "client_id", "burst-1");
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<CompletableFuture<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                replies.add(CompletableFuture.supplyAsync(() -> {
                    awaitLatch(start);
                    return send(me, friend.id(), body);
                }, pool));
            }
            start.countDown();

            List<Reply> answers = replies.stream().map(CompletableFuture::join).toList();
            assertThat(answers).allSatisfy(r -> assertThat(r.status()).isEqualTo(202));
            assertThat(answers.stream().map(Reply::body).distinct()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(publishedWithClientId("burst-1")).hasSize(1);
    }

    @Test
    void theSameClientIdFromAnotherUserIsAnotherMessage() {
        createDialog();

        Reply mine = send(me, friend.id(), Map.of("text", "same key", "client_id", "shared-1"));
        Reply theirs = send(friend, me.id(), Map.of("text", "same key", "client_id", "shared-1"));

        assertThat(mine.status()).isEqualTo(202);
        assertThat(theirs.status()).isEqualTo(202);
        assertThat(theirs.json().get("id")).isNotEqualTo(mine.json().get("id"));
    }

    @Test
    void reusingAClientIdForAnotherTextIsAConflictProblem() {
        createDialog();
        send(me, friend.id(), Map.of("text", "first", "client_id", "reused-1"));

        Reply reply = send(me, friend.id(), Map.of("text", "second", "client_id", "reused-1"));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.problemType()).isEqualTo("client-id-conflict");
    }

    @Test
    void aRetryOfASendAnotherGatewayClaimedIsAnsweredWithThatGatewaysIdAndPublishedUnderIt() {
        UUID dialogId = createDialog();
        UUID claimedId = new MessageIds().next();
        // what the first gateway did before it died: claim the client id, maybe publish, never answer
        store.claimClientId(dialogId, me.id(), "moved-1", ClientIdClaim.of(claimedId, "sent twice"),
                Duration.ofMinutes(10));

        Reply retry = send(me, friend.id(), Map.of("text", "sent twice", "client_id", "moved-1"));

        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json().get("id").asString()).isEqualTo(claimedId.toString());
        assertThat(retry.json().get("ts").asLong()).isEqualTo(MessageIds.millisOf(claimedId));
        assertThat(publishedWithClientId("moved-1")).extracting(SendMessageCommand::messageId).containsExactly(claimedId);
    }

    @Test
    void anotherTextUnderAClientIdAnotherGatewayClaimedIsAConflictProblem() {
        UUID dialogId = createDialog();
        store.claimClientId(dialogId, me.id(), "moved-2", ClientIdClaim.of(new MessageIds().next(), "first"),
                Duration.ofMinutes(10));

        Reply reply = send(me, friend.id(), Map.of("text", "second", "client_id", "moved-2"));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.problemType()).isEqualTo("client-id-conflict");
        assertThat(publishedWithClientId("moved-2")).isEmpty();
    }

    @Test
    void theOtusSendCreatesTheDialogOnTheFirstSendAndAnswers200() {
        Reply first = http.post("/dialog/" + friend.id() + "/send", me.token(), Map.of("text", "hello via OTUS"));
        Reply second = http.post("/dialog/" + friend.id() + "/send", me.token(), Map.of("text", "again"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        Dialog dialog = store.findDialog(friend.id(), me.id()).orElseThrow();
        assertThat(dialog.ownerId()).isEqualTo(me.id());
        assertThat(first.json().get("dialog_id").asString()).isEqualTo(dialog.id().toString());
        assertThat(second.json().get("dialog_id").asString()).isEqualTo(dialog.id().toString());
        UUID id = UUID.fromString(first.json().get("id").asString());
        ConsumerRecord<String, SendMessageCommand> record = commands.await(c -> c.messageId().equals(id));
        assertThat(record.key()).isEqualTo(dialog.id().toString());
        assertThat(record.value().text()).isEqualTo("hello via OTUS");
    }

    @Test
    void theOtusSendToAnUnknownUserIsAFriendNotFoundProblem() {
        Reply reply = http.post("/dialog/" + UUID.randomUUID() + "/send", me.token(), Map.of("text", "hello?"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.problemType()).isEqualTo("friend-not-found");
    }

    @Test
    void sendingToYourselfIsAValidationProblem() {
        Reply reply = http.post("/dialog/" + me.id() + "/send", me.token(), Map.of("text", "note to self"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemType()).isEqualTo("validation");
    }

    private UUID createDialog() {
        Reply reply = http.post("/api/v1/dialogs", me.token(), Map.of("friend_id", friend.id().toString()));
        assertThat(reply.status()).isEqualTo(201);
        return UUID.fromString(reply.json().get("id").asString());
    }

    private Reply send(User from, UUID to, Map<String, String> body) {
        return http.post("/api/v1/dialogs/" + to + "/messages", from.token(), body);
    }

    /**
     * The commands of this sender with the client id, read up to a later sentinel message of the same dialog:
     * one partition per dialog keeps them in order, so any duplicate would have arrived before the sentinel.
     */
    private List<SendMessageCommand> publishedWithClientId(String clientId) {
        Reply sentinel = send(me, friend.id(), Map.of("text", "sentinel"));
        UUID sentinelId = UUID.fromString(sentinel.json().get("id").asString());
        return commands.readUntil(c -> c.messageId().equals(sentinelId)).stream().map(ConsumerRecord::value)
                .filter(c -> me.id().equals(c.authorId()) && clientId.equals(c.clientId())).toList();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
