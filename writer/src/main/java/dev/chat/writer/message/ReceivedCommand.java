package dev.chat.writer.message;

import java.nio.charset.StandardCharsets;

import dev.chat.common.command.RequestIds;
import dev.chat.common.command.SendMessageCommand;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;

/**
 * A send command as it came off Kafka, with what its log lines must carry besides its own ids.
 *
 * @param command   the (deserialized and validated) command
 * @param requestId the gateway request's id (header {@value RequestIds#KAFKA_HEADER}), "-" for records without one
 */
record ReceivedCommand(SendMessageCommand command, String requestId) {

    static final String MESSAGE_ID = "messageId";
    static final String DIALOG_ID = "dialogId";

    static ReceivedCommand of(ConsumerRecord<?, SendMessageCommand> record) {
        Header header = record.headers().lastHeader(RequestIds.KAFKA_HEADER);
        String requestId = header == null ? "-"
                : RequestIds.acceptOrCreate(new String(header.value(), StandardCharsets.UTF_8));
        return new ReceivedCommand(record.value(), requestId);
    }

    /**
     * Puts messageId, dialogId and requestId in the logging MDC until closed: a batch handles many commands on
     * one thread, so each command's steps are wrapped, and one grep finds the message on both sides.
     */
    LogContext logContext() {
        MDC.put(MESSAGE_ID, String.valueOf(command.messageId()));
        MDC.put(DIALOG_ID, String.valueOf(command.dialogId()));
        MDC.put(RequestIds.MDC_KEY, requestId);
        return () -> {
            MDC.remove(MESSAGE_ID);
            MDC.remove(DIALOG_ID);
            MDC.remove(RequestIds.MDC_KEY);
        };
    }

    /** The MDC entries of one command; closing removes them. */
    interface LogContext extends AutoCloseable {

        @Override
        void close();
    }
}
