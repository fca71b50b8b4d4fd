package dev.chat.writer.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.chat.common.command.SendMessageCommand;
import dev.chat.writer.Commands;
import dev.chat.writer.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

/** Records that cannot become a stored message end in chat.message-commands.DLT, and the partition goes on. */
class MessageDeadLetterTests extends MessagePathTest {

    @Test
    void deadLettersUnparseableRecordWithItsBytesAndGoesOn() {
        UUID author = Commands.user();
        UUID friend = Commands.user();
        UUID dialog = dialogOf(author, friend);
        byte[] poison = ("{not json " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        SendMessageCommand next = Commands.send(dialog, author, friend, "after the poison");

        // same key, so the same partition: the next record is behind the poison one
        send(kafka.topics().messageCommands(), dialog.toString(), poison);
        sendCommand(next);

        awaitEvents(next.messageId(), 1);
        assertThat(redis.messages(dialog)).hasSize(1);
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(poison);
        assertThat(dead.key()).isEqualTo(dialog.toString());
        assertThat(header(dead, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
        assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(kafka.topics().messageCommands());
    }

    @Test
    void deadLettersCommandMissingARequiredField() {
        UUID author = Commands.user();
        UUID friend = Commands.user();
        UUID dialog = dialogOf(author, friend);
        byte[] noMessageId = ("{\"dialogId\":\"" + dialog + "\",\"authorId\":\"" + author + "\",\"recipientId\":\""
                + friend + "\",\"text\":\"" + UUID.randomUUID() + "\",\"ts\":1700000000000}")
                .getBytes(StandardCharsets.UTF_8);
        SendMessageCommand next = Commands.send(dialog, author, friend, "after the invalid one");

        send(kafka.topics().messageCommands(), dialog.toString(), noMessageId);
        sendCommand(next);

        awaitEvents(next.messageId(), 1);
        awaitDeadLetter(noMessageId);
        assertThat(redis.messages(dialog)).hasSize(1);
    }

    @Test
    void deadLettersACommandTheStoreRefusesAtOnceAndGoesOn() {
        UUID author = Commands.user();
        UUID friend = Commands.user();
        UUID dialog = dialogOf(author, friend);
        SendMessageCommand valid = Commands.send(dialog, author, friend, "far future");
        // passes the writer's checks, but write_message refuses a ts of more than 15 digits
        SendMessageCommand refused = new SendMessageCommand(valid.messageId(), dialog, author, friend, valid.text(),
                1_000_000_000_000_000L, null);
        SendMessageCommand next = Commands.send(dialog, author, friend, "after the refused one");
        double unexpectedBefore = retries("unexpected");

        sendCommand(refused);
        sendCommand(next);

        awaitEvents(next.messageId(), 1);
        byte[] refusedBytes = TopicProbe.json(refused);
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(refusedBytes);
        assertThat(header(dead, "kafka_dlt-exception-message"))
                .containsPattern("BADARG chat\\.write_(inbox_)?message: ts must be epoch milliseconds"); // with the inbox or not
        // the library's BADARG: poison, not retried as an unexpected failure (2 attempts in these tests)
        assertThat(retries("unexpected") - unexpectedBefore).isZero();
        assertThat(events(refused.messageId())).isEmpty();
        assertThat(redis.messages(dialog)).hasSize(1);
    }
}
