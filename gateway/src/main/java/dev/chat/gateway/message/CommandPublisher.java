package dev.chat.gateway.message;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.chat.boot.kafka.KafkaBacklog;
import dev.chat.boot.problem.ProblemType;
import dev.chat.common.command.RequestIds;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.gateway.http.HttpProperties;
import dev.chat.gateway.kafka.ChatKafkaProperties;
import dev.chat.gateway.kafka.KafkaFailures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands send commands to Kafka, keyed by dialog id so one dialog's messages stay in acceptance order, with the
 * request id of the caller's MDC as a header ({@link RequestIds}) so the writer's log lines carry it too.
 * The producer runs with {@code acks=all} and idempotence, so a completed future means the record is on every
 * in-sync replica; {@code max.block.ms}/{@code delivery.timeout.ms} bound how long a dead Kafka can hold us.
 *
 * <p>While Kafka is away every send fails the same way, so a refusal for want of an answer (a timeout, a retriable
 * error) is logged at DEBUG only: the sends awaiting Kafka and the ones refused are in chat-boot's periodic "Kafka
 * unreachable" report instead ({@link KafkaBacklog}), and in {@code chat.gateway.messages{outcome=unavailable}}.
 * Any other refusal is a WARN per send.
 */
@Component
class CommandPublisher implements KafkaBacklog {

    private static final Logger log = LoggerFactory.getLogger(CommandPublisher.class);

    /** Sends by outcome: accepted (Kafka acknowledged) or unavailable (503); 4xx rejections are http.server.requests. */
    static final String MESSAGES = "chat.gateway.messages";

    private final KafkaTemplate<String, SendMessageCommand> template;
    /** {@code chat.kafka.topics.message-commands}, the template's default topic. */
    private final String topic;
    private final ChatKafkaProperties kafka;
    private final HttpProperties http;
    private final Counter accepted;
    private final Counter unavailable;
    private final AtomicInteger awaitingKafka = new AtomicInteger();

    CommandPublisher(KafkaTemplate<String, SendMessageCommand> messageCommandTemplate, ChatKafkaProperties kafka,
                     HttpProperties http, MeterRegistry meters) {
        this.template = messageCommandTemplate;
        this.topic = messageCommandTemplate.getDefaultTopic();
        this.kafka = kafka;
        this.http = http;
        this.accepted = counter(meters, "accepted");
        this.unavailable = counter(meters, "unavailable");
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder(MESSAGES).tag("outcome", outcome)
                .description("messages sent over HTTP or WebSocket, by outcome").register(meters);
    }

    /** Starts publishing; the future fails instead of throwing, also when the producer refuses at once. */
    CompletableFuture<?> publish(SendMessageCommand command) {
        try {
            ProducerRecord<String, SendMessageCommand> record = new ProducerRecord<>(topic,
                    command.dialogId().toString(), command);
            String requestId = MDC.get(RequestIds.MDC_KEY);
            if (requestId != null) {
                record.headers().add(RequestIds.KAFKA_HEADER, requestId.getBytes(StandardCharsets.UTF_8));
            }
            return template.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Waits for the broker's acknowledgement of a {@link #publish} future.
     *
     * @throws org.springframework.web.ErrorResponseException 503 when Kafka did not acknowledge in time or refused
     */
    void awaitAck(CompletableFuture<?> publication, SendMessageCommand command) {
        awaitingKafka.incrementAndGet(); // the requests waiting, counted here rather than by a second future per send
        try {
            publication.get(kafka.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            accepted.increment();
            log.atDebug().addKeyValue("messageId", command.messageId()).addKeyValue("dialogId", command.dialogId())
                    .log("message accepted: Kafka acknowledged the command");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(command, "interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw unavailable(command, "the message broker (Kafka) did not accept the message", e.getCause());
        } catch (TimeoutException e) {
            throw unavailable(command, "Kafka did not acknowledge the message within " + kafka.sendTimeout().toMillis() + " ms", e);
        } finally {
            awaitingKafka.decrementAndGet();
        }
    }

    private RuntimeException unavailable(SendMessageCommand command, String detail, Throwable cause) {
        unavailable.increment();
        log.atLevel(KafkaFailures.isKafkaAway(cause) ? Level.DEBUG : Level.WARN).addArgument(command.messageId())
                .addArgument(command.dialogId()).addArgument(detail).addArgument(() -> KafkaFailures.rootMessage(cause))
                .log("message {} of dialog {} not accepted: {} ({})");
        return ProblemType.SERVICE_UNAVAILABLE.exception(detail + "; the message was not accepted, retry later"
                + (command.clientId() == null ? "" : " (a retry with the same client_id cannot duplicate it)"), http.retryAfter(), cause);
    }

    @Override
    public String describe() {
        return "sends: " + awaitingKafka.get() + " awaiting Kafka's acknowledgement, " + (long) unavailable.count()
                + " refused with 503 since start";
    }
}
