package dev.chat.writer.message;

import java.util.List;

import dev.chat.common.command.SendMessageCommand;
import dev.chat.common.dialog.DialogNotFoundException;
import dev.chat.writer.system.InvalidCommandException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code chat.message-commands} (key: dialog id, so one dialog's commands arrive in order on one
 * partition) a poll at a time, at most {@code chat.kafka.batch-size} records. Returning normally acknowledges
 * the whole poll (its offsets are committed together); a {@link BatchListenerFailedException} names the one
 * record that failed, and the shared {@code DefaultErrorHandler} commits the records before it, retries or
 * dead-letters that record exactly as it would a record listener's, and redelivers the ones after it.
 *
 * <p>Guarantees, as with one record at a time:
 * <ul>
 *   <li>events only after the store write, offsets only after the events are acknowledged: the records
 *       before the first poison one are handed to {@link MessageWriter#handleAll}, which returns only then;</li>
 *   <li>a poison record (not JSON, invalid, a tombstone: the {@code ErrorHandlingDeserializer} left a null
 *       value) is dead-lettered alone: the records before it are handled first, then it is reported;</li>
 *   <li>when the batch fails (store or event publish), its commands are handled again one by one, and the
 *       first one that fails is reported with its own cause, so the error handler classifies it as it did
 *       before (transient: retried forever; unexpected: retried, then dead-lettered; poison: dead-lettered).
 *       Redoing the ones that already succeeded is safe: the store is idempotent, and another
 *       {@code WRITTEN} event is what any redelivery gives;</li>
 *   <li>per-dialog order: commands are stored and their events published in offset order on either path.</li>
 * </ul>
 */
@Component
class MessageCommandListener {

    static final String ID = "message-commands";

    private static final Logger log = LoggerFactory.getLogger(MessageCommandListener.class);
    private static final LogAccessor HEADER_LOG = new LogAccessor(MessageCommandListener.class);

    private final MessageWriter writer;

    MessageCommandListener(MessageWriter writer) {
        this.writer = writer;
    }

    @KafkaListener(id = ID, idIsGroup = false, groupId = "${chat.kafka.groups.messages}",
            topics = "${chat.kafka.topics.message-commands}", containerFactory = "messageCommandsContainerFactory")
    void on(List<ConsumerRecord<String, SendMessageCommand>> records) {
        int poison = firstPoison(records);
        if (poison > 0) {
            write(records.subList(0, poison).stream().map(ReceivedCommand::of).toList());
        }
        if (poison < records.size()) {
            ConsumerRecord<String, SendMessageCommand> record = records.get(poison);
            throw new BatchListenerFailedException("poison record " + position(record), whyPoison(record), poison);
        }
    }

    private void write(List<ReceivedCommand> commands) {
        try {
            writer.handleAll(commands);
        } catch (RuntimeException failure) {
            if (commands.size() == 1 && !(failure instanceof DialogNotFoundException)) {
                // the per-record path would do the very same again (it only answers that one with REJECTED)
                throw failed(commands.get(0), failure, 0);
            }
            log.atWarn().addKeyValue("commands", commands.size())
                    .log("writing a batch of {} commands failed ({}), handling them one by one", commands.size(),
                            failure.toString());
            handleOneByOne(commands);
        }
    }

    /** The per-record path; the first command that fails is reported with its index, which is its record's. */
    private void handleOneByOne(List<ReceivedCommand> commands) {
        for (int i = 0; i < commands.size(); i++) {
            ReceivedCommand received = commands.get(i);
            try (ReceivedCommand.LogContext ignored = received.logContext()) {
                writer.handle(received.command());
            } catch (RuntimeException failure) {
                throw failed(received, failure, i);
            }
        }
    }

    private static BatchListenerFailedException failed(ReceivedCommand received, RuntimeException cause, int index) {
        return new BatchListenerFailedException("writer: message " + received.command().messageId() + " not handled",
                cause, index);
    }

    private static int firstPoison(List<ConsumerRecord<String, SendMessageCommand>> records) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).value() == null) {
                return i;
            }
        }
        return records.size();
    }

    /** The deserializer's exception (it keeps the original bytes for the dead letter), else a tombstone. */
    private static RuntimeException whyPoison(ConsumerRecord<?, ?> record) {
        DeserializationException failed = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, HEADER_LOG);
        return failed != null ? failed : new InvalidCommandException("empty value at " + position(record));
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
