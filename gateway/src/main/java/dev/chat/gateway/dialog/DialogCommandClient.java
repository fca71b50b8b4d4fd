package dev.chat.gateway.dialog;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.chat.boot.kafka.ChatTopics;
import dev.chat.boot.problem.ProblemType;
import dev.chat.common.command.CreateDialogCommand;
import dev.chat.common.command.CreateDialogReply;
import dev.chat.gateway.http.HttpProperties;
import dev.chat.gateway.kafka.ChatKafkaProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.requestreply.KafkaReplyTimeoutException;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;
import org.springframework.kafka.requestreply.RequestReplyFuture;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Asks the writer to create a dialog and waits for its answer (request/reply over Kafka). The command is
 * keyed by the unordered user pair, so concurrent creations of one dialog are serialised on one partition.
 * Waits at most {@code chat.kafka.reply-timeout} in total; then the caller gets a 503 and may retry (the
 * command is idempotent in the writer, so a late first execution does no harm).
 */
@Component
class DialogCommandClient {

    private static final Logger log = LoggerFactory.getLogger(DialogCommandClient.class);

    private final ReplyingKafkaTemplate<String, CreateDialogCommand, CreateDialogReply> template;
    private final ChatKafkaProperties kafka;
    private final ChatTopics chat;
    private final HttpProperties http;

    DialogCommandClient(ReplyingKafkaTemplate<String, CreateDialogCommand, CreateDialogReply> template,
                        ChatKafkaProperties kafka, ChatTopics chat, HttpProperties http) {
        this.template = template;
        this.kafka = kafka;
        this.chat = chat;
        this.http = http;
    }

    CreateDialogReply create(CreateDialogCommand command) {
        long deadline = System.nanoTime() + kafka.replyTimeout().toNanos();
        try {
            // a reply sent before the reply container has its partitions would be skipped (it starts at the end)
            if (!template.waitForAssignment(remaining(deadline))) {
                throw unavailable("the dialog reply consumer has no partitions yet (is Kafka up?)", null);
            }
            var record = new ProducerRecord<>(chat.topics().dialogCommands(), command.pairKey(), command);
            RequestReplyFuture<String, CreateDialogCommand, CreateDialogReply> future = template.sendAndReceive(record, remaining(deadline));
            ConsumerRecord<String, CreateDialogReply> reply = future.get(remaining(deadline).toMillis() + 500, TimeUnit.MILLISECONDS);
            return checked(reply.value());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for the writer", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof KafkaReplyTimeoutException) {
                throw unavailable("the writer did not confirm the dialog within " + kafka.replyTimeout().toMillis() + " ms", e.getCause());
            }
            throw unavailable("the dialog could not be created: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw unavailable("the writer did not confirm the dialog within " + kafka.replyTimeout().toMillis() + " ms", e);
        } catch (ErrorResponseException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unavailable("Kafka did not take the dialog command: " + e.getMessage(), e);
        }
    }

    private static CreateDialogReply checked(CreateDialogReply reply) {
        if (reply == null || reply.dialogId() == null) {
            throw new IllegalStateException("writer sent an empty dialog reply: " + reply);
        }
        return reply;
    }

    private RuntimeException unavailable(String detail, Throwable cause) {
        log.warn("dialog creation failed: {}", detail);
        return ProblemType.SERVICE_UNAVAILABLE.exception(detail, http.retryAfter(), cause);
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }
}
