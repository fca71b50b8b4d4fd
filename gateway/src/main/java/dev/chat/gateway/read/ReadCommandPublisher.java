package dev.chat.gateway.read;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.chat.boot.kafka.KafkaBacklog;
import dev.chat.boot.problem.ProblemType;
import dev.chat.common.command.ReadCommand;
import dev.chat.common.command.RequestIds;
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
 * Hands read commands to Kafka keyed by dialog id, with the caller's request id as a header, and waits for the
 * acknowledgement (the producer's {@code acks=all} and idempotence, as for sends), so a 202 means Kafka has it.
 * Refusals while Kafka is away are DEBUG only and in chat-boot's "Kafka unreachable" report ({@link KafkaBacklog});
 * {@code chat.gateway.reads{outcome=accepted|unavailable}} counts them.
 */
@Component
class ReadCommandPublisher implements KafkaBacklog {

    private static final Logger log = LoggerFactory.getLogger(ReadCommandPublisher.class);

    static final String READS = "chat.gateway.reads";

    private final KafkaTemplate<String, ReadCommand> template;
    /** {@code chat.kafka.topics.read-commands}, the template's default topic. */
    private final String topic;
    private final ChatKafkaProperties kafka;
    private final HttpProperties http;
    private final Counter accepted;
    private final Counter unavailable;
    private final AtomicInteger awaitingKafka = new AtomicInteger();

    ReadCommandPublisher(KafkaTemplate<String, ReadCommand> readCommandTemplate, ChatKafkaProperties kafka,
                         HttpProperties http, MeterRegistry meters) {
        this.template = readCommandTemplate;
        this.topic = readCommandTemplate.getDefaultTopic();
        this.kafka = kafka;
        this.http = http;
        this.accepted = counter(meters, "accepted");
        this.unavailable = counter(meters, "unavailable");
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder(READS).tag("outcome", outcome)
                .description("read markers set over HTTP or WebSocket, by outcome").register(meters);
    }

    /**
     * Publishes and waits at most {@code chat.kafka.send-timeout} for the broker's acknowledgement.
     *
     * @throws org.springframework.web.ErrorResponseException 503 when Kafka did not acknowledge in time or refused
     */
    void publish(ReadCommand command) {
        awaitingKafka.incrementAndGet();
        try {
            send(command).get(kafka.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            accepted.increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(command, "interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw unavailable(command, "the message broker (Kafka) did not accept the read marker", e.getCause());
        } catch (TimeoutException e) {
            throw unavailable(command, "Kafka did not acknowledge the read marker within "
                    + kafka.sendTimeout().toMillis() + " ms", e);
        } finally {
            awaitingKafka.decrementAndGet();
        }
    }

    /** The future fails instead of throwing, also when the producer refuses at once. */
    private CompletableFuture<?> send(ReadCommand command) {
        try {
            ProducerRecord<String, ReadCommand> record = new ProducerRecord<>(topic, command.dialogId().toString(),
                    command);
            String requestId = MDC.get(RequestIds.MDC_KEY);
            if (requestId != null) {
                record.headers().add(RequestIds.KAFKA_HEADER, requestId.getBytes(StandardCharsets.UTF_8));
            }
            return template.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private RuntimeException unavailable(ReadCommand command, String detail, Throwable cause) {
        unavailable.increment();
        log.atLevel(KafkaFailures.isKafkaAway(cause) ? Level.DEBUG : Level.WARN).addArgument(command.messageId())
                .addArgument(command.dialogId()).addArgument(detail)
                .addArgument(() -> KafkaFailures.rootMessage(cause)).log("read up to {} in dialog {} not accepted: {} ({})");
        return ProblemType.SERVICE_UNAVAILABLE.exception(detail + "; the read marker was not set, retry later",
                http.retryAfter(), cause);
    }

    @Override
    public String describe() {
        return "read markers: " + awaitingKafka.get() + " awaiting Kafka's acknowledgement, "
                + (long) unavailable.count() + " refused with 503 since start";
    }
}
