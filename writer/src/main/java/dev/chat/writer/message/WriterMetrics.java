package dev.chat.writer.message;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * {@code chat.writer.messages{outcome=stored|duplicate|rejected}},
 * {@code chat.writer.accepted.to.stored}: from the gateway's acceptance ({@code command.ts}) to the write, and
 * {@code chat.writer.batch.size}: the messages of one poll written with one store call.
 */
@Component
class WriterMetrics {

    static final String MESSAGES = "chat.writer.messages";
    static final String LATENCY = "chat.writer.accepted.to.stored";
    static final String BATCH_SIZE = "chat.writer.batch.size";

    private final Counter stored;
    private final Counter duplicate;
    private final Counter rejected;
    private final Timer latency;
    private final DistributionSummary batchSize;

    WriterMetrics(MeterRegistry registry) {
        stored = counter(registry, "stored");
        duplicate = counter(registry, "duplicate");
        rejected = counter(registry, "rejected");
        latency = Timer.builder(LATENCY).description("gateway acceptance (command ts) to stored in Redis")
                .publishPercentileHistogram().register(registry);
        batchSize = DistributionSummary.builder(BATCH_SIZE).baseUnit("messages")
                .description("messages of one poll written with one store call").register(registry);
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder(MESSAGES).tag("outcome", outcome).description("send commands by outcome")
                .register(registry);
    }

    void stored(long acceptedAtMillis, long storedAtMillis) {
        stored.increment();
        latency.record(Duration.ofMillis(Math.max(0, storedAtMillis - acceptedAtMillis)));
    }

    void duplicate() {
        duplicate.increment();
    }

    void rejected() {
        rejected.increment();
    }

    void batchWritten(int messages) {
        batchSize.record(messages);
    }
}
