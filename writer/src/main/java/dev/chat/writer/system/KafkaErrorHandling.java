package dev.chat.writer.system;

import java.util.Locale;

import dev.chat.boot.kafka.ChatTopics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one error handler of the three command listeners (messages, dialogs, reads). Three kinds of failure:
 * <ul>
 *   <li><b>poison</b> ({@link Failures#POISON}: cannot be parsed or validated, a tombstone, arguments the
 *       store refuses): not retried, published
 *       with its original bytes and exception headers to {@code <topic>.DLT} (same partition);</li>
 *   <li><b>transient</b> ({@link Failures#isTransient}): retried with exponential back-off, forever;</li>
 *   <li><b>unexpected</b> (anything else, e.g. a bug or a Lua error): retried
 *       {@code chat.kafka.retry.unexpected-attempts} times in all, then dead-lettered so one bad record
 *       cannot stall its partition forever.</li>
 * </ul>
 * After a dead-letter publish succeeds the offset is committed; if it fails the record is retried, so a
 * record is never dropped silently.
 *
 * <p>The message-commands listener takes a poll at a time and reports the one record that failed with a
 * {@code BatchListenerFailedException} carrying that record's own failure: the records before it are committed,
 * the record is classified, retried or dead-lettered as above, and the ones after it are redelivered.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

    static final String RETRIES = "chat.writer.retries";

    private static final Logger log = LoggerFactory.getLogger(KafkaErrorHandling.class);

    @Bean
    DefaultErrorHandler commandErrorHandler(KafkaTemplate<String, Object> template, KafkaSettings settings,
                                            MeterRegistry meters) {
        KafkaSettings.Retry retry = settings.retry();
        // explicit: spring-kafka 4's default destination is "<topic>-dlt"; ours is "<topic>.DLT", same partition
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(ChatTopics.deadLetter(record.topic()), record.partition()));
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, failure) ->
                deadLetters.accept(record, consumer, asRecordListenerSawIt(failure));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff(retry, retry.unexpectedAttempts() - 1));
        BackOff forever = backOff(retry, Long.MAX_VALUE);
        handler.setBackOffFunction((record, failure) -> Failures.isTransient(failure) ? forever : null);
        // DeserializationException is already not retryable by default; listed again for the record
        handler.addNotRetryableExceptions(Failures.POISON.toArray(Class[]::new));
        handler.setRetryListeners(new LoggingRetryListener(meters));
        return handler;
    }

    /**
     * The failure as a record listener reported it, so that the dead letter's exception headers name the
     * record's own problem rather than the batch machinery: the message-commands listener wraps a record's
     * failure in a {@link BatchListenerFailedException}, which the container wraps again. A record that could
     * not be deserialized was reported with the {@link DeserializationException} itself, anything else as a
     * {@link ListenerExecutionFailedException} with the failure as its cause.
     */
    static Exception asRecordListenerSawIt(Exception failure) {
        Throwable cause = null;
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof BatchListenerFailedException batch) {
                cause = batch.getCause();
                break;
            }
        }
        if (cause instanceof DeserializationException poison) {
            return poison;
        }
        if (!(cause instanceof Exception recordFailure)) {
            return failure;
        }
        String groupId = failure instanceof ListenerExecutionFailedException listener ? listener.getGroupId() : null;
        return new ListenerExecutionFailedException(failure.getMessage(), groupId, recordFailure);
    }

    private static BackOff backOff(KafkaSettings.Retry retry, long maxRetries) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxAttempts(maxRetries);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }

    /** Makes failures visible: a WARN per failed delivery and {@code chat.writer.retries{kind,topic}}. */
    private record LoggingRetryListener(MeterRegistry meters) implements RetryListener {

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
            String kind = Failures.kind(failure).name().toLowerCase(Locale.ROOT);
            meters.counter(RETRIES, "kind", kind, "topic", record.topic()).increment();
            log.atWarn().addKeyValue("kind", kind).addKeyValue("attempt", attempt)
                    .log("delivery {} of {}-{}@{} failed: {}", attempt, record.topic(), record.partition(),
                            record.offset(), rootMessage(failure));
        }

        @Override
        public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
            log.atError().addKeyValue("deadLetter", ChatTopics.deadLetter(record.topic()))
                    .log("record {}-{}@{} sent to the dead-letter topic: {}", record.topic(), record.partition(),
                            record.offset(), rootMessage(failure));
        }

        @Override
        public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
            log.error("record {}-{}@{} could not be dead-lettered, it will be retried", record.topic(),
                    record.partition(), record.offset(), failure);
        }

        private static String rootMessage(Throwable failure) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }
    }
}
