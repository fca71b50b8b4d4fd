package dev.chat.writer.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.chat.common.command.CreateDialogCommand;
import dev.chat.common.command.CreateDialogReply;
import dev.chat.common.dialog.Dialog;
import dev.chat.writer.Commands;
import dev.chat.writer.WriterIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;
import org.springframework.kafka.requestreply.RequestReplyFuture;

class DialogCommandsTests extends WriterIntegrationTest {

    ReplyingKafkaTemplate<String, Object, CreateDialogReply> gateway;

    @BeforeEach
    void replyConsumerReady() throws InterruptedException {
        gateway = clients.dialogRequests();
        assertThat(gateway.waitForAssignment(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void createsTheDialogAndRepliesWithIt() throws Exception {
        UUID user = Commands.user();
        UUID friend = Commands.user();
        UUID newId = UUID.randomUUID();

        CreateDialogReply reply = request(new CreateDialogCommand(user, friend, newId, "us")).get(30, TimeUnit.SECONDS)
                .value();

        assertThat(reply).isEqualTo(new CreateDialogReply(newId, "us", user, true));
        assertThat(store.findDialog(friend, user)).contains(new Dialog(newId, "us", user));
    }

    @Test
    void repliesTheExistingDialogToALaterRequest() throws Exception {
        UUID user = Commands.user();
        UUID friend = Commands.user();
        UUID existing = dialogOf(user, friend);

        CreateDialogReply reply = request(new CreateDialogCommand(friend, user, UUID.randomUUID(), "again"))
                .get(30, TimeUnit.SECONDS).value();

        assertThat(reply.dialogId()).isEqualTo(existing);
        assertThat(reply.created()).isFalse();
    }

    @ParameterizedTest(name = "first request from user {0}")
    @ValueSource(ints = {0, 1})
    void makesOneDialogWhenBothUsersCreateItAtOnce(int first) throws Exception {
        UUID[] users = {Commands.user(), Commands.user()};
        UUID a = users[first];
        UUID b = users[1 - first];
        CreateDialogCommand fromA = new CreateDialogCommand(a, b, UUID.randomUUID(), "from a");
        CreateDialogCommand fromB = new CreateDialogCommand(b, a, UUID.randomUUID(), "from b");

        RequestReplyFuture<String, Object, CreateDialogReply> replyA = request(fromA);
        RequestReplyFuture<String, Object, CreateDialogReply> replyB = request(fromB);
        CreateDialogReply ra = replyA.get(30, TimeUnit.SECONDS).value();
        CreateDialogReply rb = replyB.get(30, TimeUnit.SECONDS).value();

        assertThat(ra.dialogId()).isEqualTo(rb.dialogId());
        assertThat(List.of(ra.created(), rb.created())).containsExactlyInAnyOrder(true, false);
        // the pair key puts both on one partition, so the first sent is the one that created it
        assertThat(ra.created()).isTrue();
        assertThat(ra.dialogId()).isEqualTo(fromA.newDialogId());
        assertThat(store.findDialog(a, b).map(Dialog::id)).contains(ra.dialogId());
        assertThat(store.findDialog(b, a).map(Dialog::id)).contains(ra.dialogId());
    }

    @Test
    void deadLettersACommandWithoutUsers() {
        byte[] invalid = ("{\"newDialogId\":\"" + UUID.randomUUID() + "\",\"name\":\"nobody\"}")
                .getBytes(StandardCharsets.UTF_8);

        send(kafka.topics().dialogCommands(), "no-pair", invalid);

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(invalid).size() == 1);
    }

    private RequestReplyFuture<String, Object, CreateDialogReply> request(CreateDialogCommand command) {
        return gateway.sendAndReceive(new ProducerRecord<>(kafka.topics().dialogCommands(), command.pairKey(), command));
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(byte[] value) {
        return clients.dialogDeadLetters().records().stream().filter(r -> Arrays.equals(r.value(), value)).toList();
    }
}
