package dev.chat.writer.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.UUID;

import dev.chat.common.command.MessageEvent;
import dev.chat.common.command.MessageEventHeaders;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.writer.Commands;
import dev.chat.writer.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Every event names its two users in headers, so gateways without their sessions skip it unparsed. */
class KafkaMessageEventsTests extends MessagePathTest {

    @Test
    void aWrittenEventCarriesTheAuthorAndTheRecipientAsHeaders() {
        UUID author = Commands.user();
        UUID friend = Commands.user();
        SendMessageCommand command = Commands.send(dialogOf(author, friend), author, friend, "with headers");

        sendCommand(command);

        ConsumerRecord<String, byte[]> record = awaitRecord(command.messageId());
        assertThat(TopicProbe.parse(record.value(), MessageEvent.class).type()).isEqualTo(MessageEvent.Type.WRITTEN);
        assertThat(header(record, MessageEventHeaders.AUTHOR)).isEqualTo(author.toString());
        assertThat(header(record, MessageEventHeaders.RECIPIENT)).isEqualTo(friend.toString());
    }

    @Test
    void aRejectedEventCarriesThemToo() {
        UUID author = Commands.user();
        UUID friend = Commands.user();
        SendMessageCommand command = Commands.send(UUID.randomUUID(), author, friend, "no such dialog");

        sendCommand(command);

        ConsumerRecord<String, byte[]> record = awaitRecord(command.messageId());
        assertThat(TopicProbe.parse(record.value(), MessageEvent.class).type()).isEqualTo(MessageEvent.Type.REJECTED);
        assertThat(header(record, MessageEventHeaders.AUTHOR)).isEqualTo(author.toString());
        assertThat(header(record, MessageEventHeaders.RECIPIENT)).isEqualTo(friend.toString());
    }

    private ConsumerRecord<String, byte[]> awaitRecord(UUID messageId) {
        await().atMost(WAIT).until(() -> eventRecords(messageId).size() == 1);
        return eventRecords(messageId).get(0);
    }
}
