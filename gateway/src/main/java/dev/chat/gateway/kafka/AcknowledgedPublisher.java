package dev.chat.gateway.kafka;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.chat.boot.problem.ProblemType;
import dev.chat.common.command.RequestIds;
import dev.chat.gateway.http.HttpProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * One kind of command handed to Kafka on the template's default topic, keyed by dialog id (one dialog's commands stay
 * in order), with the request id of the caller's MDC as a header ({@link RequestIds}) so the writer's log lines carry
 * it too; then the wait for the broker's acknowledgement. The producer runs with {@code acks=all} and idempotence, so
 * a completed wait means the record is on every in-sync replica, and an answer of "accepted" is never given for a
 * command Kafka did not take; {@code max.block.ms}/{@code delivery.timeout.ms} and {@code chat.kafka.send-timeout}
 * bound how long a dead Kafka can hold a caller.
 *
 * <p>While Kafka is away every publish fails alike, so such a refusal is logged at DEBUG only and shows in chat-boot's
 * periodic "Kafka unreachable" report ({@link #backlog}) and in the {@code outcome=unavailable} counter; any other
 * refusal is a WARN each. Thread-safe; the sends' and the read markers' publishers each own one.
 *
 * @param <T> the command record
 */
public final class AcknowledgedPublisher<T> {

    private static final Logger log = LoggerFactory.getLogger(AcknowledgedPublisher.class);

    private final KafkaTemplate<String, T> template;
    private final String topic;
    /** What is published, in the words of a sentence: "message", "read marker". */
    private final String what;
    private final ChatKafkaProperties kafka;
    private final HttpProperties http;
    private final Counter accepted;
    private final Counter unavailable;
    private final AtomicInteger awaitingKafka = new AtomicInteger();

    /**
     * @param metric      counter name, tagged {@code outcome=accepted|unavailable}
     * @param description the counter's description
     */
    public AcknowledgedPublisher(KafkaTemplate<String, T> template, String what, String metric, String description,
                                 ChatKafkaProperties kafka, HttpProperties http, MeterRegistry meters) {
        this.template = template;
        this.topic = template.getDefaultTopic();
        this.what = what;
        this.kafka = kafka;
        this.http = http;
        this.accepted = Counter.builder(metric).tag("outcome", "accepted").description(description).register(meters);
        this.unavailable = Counter.builder(metric).tag("outcome", "unavailable").description(description).register(meters);
    }

    /** Starts publishing; the future fails instead of throwing, also when the producer refuses at once. */
    public CompletableFuture<?> publish(String dialogKey, T command) {
        try {
            ProducerRecord<String, T> record = new ProducerRecord<>(topic, dialogKey, command);
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
     * Waits at most {@code chat.kafka.send-timeout} for the broker's acknowledgement of a {@link #publish} future.
     *
     * @param subject what the log line names on a refusal ("message … of dialog …"), made only then
     * @param refused the end of the 503's detail: what did not happen and whether a retry is safe
     * @throws org.springframework.web.ErrorResponseException 503 when Kafka did not acknowledge in time or refused
     */
    public void awaitAck(CompletableFuture<?> publication, Supplier<String> subject, String refused) {
        awaitingKafka.incrementAndGet(); // the callers waiting, counted here rather than by a second future each
        try {
            publication.get(kafka.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            accepted.increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(subject, refused, "interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw unavailable(subject, refused, "the message broker (Kafka) did not accept the " + what, e.getCause());
        } catch (TimeoutException e) {
            throw unavailable(subject, refused, "Kafka did not acknowledge the " + what + " within "
                    + kafka.sendTimeout().toMillis() + " ms", e);
        } finally {
            awaitingKafka.decrementAndGet();
        }
    }

    private RuntimeException unavailable(Supplier<String> subject, String refused, String detail, Throwable cause) {
        unavailable.increment();
        log.atLevel(KafkaFailures.isKafkaAway(cause) ? Level.DEBUG : Level.WARN).addArgument(subject)
                .addArgument(detail).addArgument(() -> KafkaFailures.rootMessage(cause)).log("{} not accepted: {} ({})");
        return ProblemType.SERVICE_UNAVAILABLE.exception(detail + "; " + refused, http.retryAfter(), cause);
    }

    /** For the "Kafka unreachable" report: how many callers wait for Kafka now, how many were refused. */
    public String backlog() {
        return awaitingKafka.get() + " awaiting Kafka's acknowledgement, " + (long) unavailable.count()
                + " refused with 503 since start";
    }
}
