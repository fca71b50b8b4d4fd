package dev.chat.writer.dialog;

import dev.chat.boot.store.DialogDirectory;
import dev.chat.common.command.CreateDialogCommand;
import dev.chat.common.command.CreateDialogReply;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogCreation;
import dev.chat.common.dialog.DialogStore;
import dev.chat.writer.system.InvalidCommandException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.stereotype.Component;

/**
 * Request/reply over {@code chat.dialog-commands}: makes the dialog of a pair and replies to the topic the
 * requester named in {@code kafka_replyTopic} (the gateway's {@code ReplyingKafkaTemplate}), echoing its
 * {@code kafka_correlationId}. Records are keyed by the unordered pair, so two users creating their dialog
 * at the same moment are handled one after the other here, which keeps one dialog per pair even where the
 * store cannot make creation atomic across both key orders (Redis Cluster).
 *
 * <p>Idempotent: a redelivered command finds the dialog and replies {@code created=false} with the same id.
 */
@Component
class DialogCommandListener {

    static final String ID = "dialog-commands";

    private static final Logger log = LoggerFactory.getLogger(DialogCommandListener.class);

    private final DialogStore store;
    private final DialogDirectory directory;

    DialogCommandListener(DialogStore store, DialogDirectory directory) {
        this.store = store;
        this.directory = directory;
    }

    @KafkaListener(id = ID, idIsGroup = false, groupId = "${chat.kafka.groups.dialogs}",
            topics = "${chat.kafka.topics.dialog-commands}", containerFactory = "dialogCommandsContainerFactory")
    @SendTo("!{source.headers['kafka_replyTopic'] ?: '${chat.kafka.topics.dialog-replies}'}")
    CreateDialogReply on(ConsumerRecord<String, CreateDialogCommand> record) {
        CreateDialogCommand command = record.value();
        if (command == null) {
            throw new InvalidCommandException("empty value at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset());
        }
        MDC.put("dialogId", String.valueOf(command.newDialogId()));
        try {
            DialogCreation creation = store.makeDialog(command.userId(), command.friendId(), command.newDialogId(),
                    command.name());
            Dialog dialog = creation.dialog();
            directory.remember(command.userId(), command.friendId(), dialog);
            log.atInfo().addKeyValue("storedDialogId", dialog.id()).addKeyValue("created", creation.created())
                    .log("dialog {}", creation.created() ? "created" : "already existed");
            return new CreateDialogReply(dialog.id(), dialog.name(), dialog.ownerId(), creation.created());
        } finally {
            MDC.remove("dialogId");
        }
    }
}
