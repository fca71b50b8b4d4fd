package dev.chat.writer.message;

import java.nio.charset.StandardCharsets;

import dev.chat.common.command.RequestIds;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.writer.system.InvalidCommandException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code chat.message-commands} (key: dialog id, so one dialog's commands arrive in order on one
 * partition). Returning normally acknowledges the record (its offset is committed with the rest of its poll);
 * throwing hands it to the shared {@code DefaultErrorHandler}, which retries or dead-letters it.
 */
@Component
class MessageCommandListener {

    static final String ID = "message-commands";

    private final MessageWriter writer;

    MessageCommandListener(MessageWriter writer) {
        this.writer = writer;
    }

    @KafkaListener(id = ID, idIsGroup = false, groupId = "${chat.kafka.groups.messages}",
            topics = "${chat.kafka.topics.message-commands}", containerFactory = "messageCommandsContainerFactory")
    void on(ConsumerRecord<String, SendMessageCommand> record) {
        SendMessageCommand command = record.value();
        if (command == null) {
            throw new InvalidCommandException("empty value at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset());
        }
        MDC.put("messageId", String.valueOf(command.messageId()));
        MDC.put("dialogId", String.valueOf(command.dialogId()));
        MDC.put(RequestIds.MDC_KEY, requestId(record));
        try {
            writer.handle(command);
        } finally {
            MDC.remove("messageId");
            MDC.remove("dialogId");
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    /** The gateway request's id, so one grep finds the message on both sides; "-" for records without one. */
    private static String requestId(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(RequestIds.KAFKA_HEADER);
        return header == null ? "-" : RequestIds.acceptOrCreate(new String(header.value(), StandardCharsets.UTF_8));
    }
}
