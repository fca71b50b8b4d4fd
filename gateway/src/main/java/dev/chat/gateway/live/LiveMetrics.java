package dev.chat.gateway.live;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The gateway's real-time metrics (actuator {@code /actuator/metrics/<name>}):
 * <ul>
 *   <li>{@code chat.gateway.push.latency}: from the accepting gateway's timestamp of a message (the command's
 *       {@code ts}) to the moment its frame is written to a recipient's session, one sample per recipient
 *       session; with a percentile histogram. Across gateways it includes their clock difference.</li>
 *   <li>{@code chat.gateway.ws.sessions}: open sessions on this gateway.</li>
 *   <li>{@code chat.gateway.ws.closed{reason}}: sessions the gateway closed, by {@link CloseCode#tag()}.</li>
 * </ul>
 */
@Component
class LiveMetrics {

    private final MeterRegistry registry;
    private final Timer pushLatency;
    private final Clock clock;

    LiveMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.clock = Clock.systemUTC();
        this.pushLatency = Timer.builder("chat.gateway.push.latency")
                .description("message accepted by a gateway (command ts) -> written to a recipient's WebSocket session")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    void sessions(Supplier<Number> open) {
        Gauge.builder("chat.gateway.ws.sessions", open).description("open WebSocket sessions").register(registry);
    }

    /** A frame of a message accepted at {@code acceptedAt} (epoch ms) was written to a recipient's session. */
    void pushed(long acceptedAt) {
        pushLatency.record(Duration.ofMillis(Math.max(0, clock.millis() - acceptedAt)));
    }

    void closed(CloseCode code) {
        Counter.builder("chat.gateway.ws.closed").description("WebSocket sessions closed by the gateway")
                .tag("reason", code.tag()).register(registry).increment();
    }
}
