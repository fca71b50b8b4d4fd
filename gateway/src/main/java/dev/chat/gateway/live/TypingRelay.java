package dev.chat.gateway.live;

import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chat.boot.problem.ProblemType;
import dev.chat.common.command.MessageEventHeaders;
import dev.chat.common.command.TypingSignal;
import dev.chat.gateway.dialog.DialogService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Typing (issue #14): a client's {@code typing} frame reaches the friend's sessions on every gateway as
 * {@code {"type":"typing","from":…}}, through the live-signals topic that every gateway reads ({@link LiveSignalListener}). Never stored, and best effort: a signal Kafka
 * does not take is counted ({@code chat.gateway.typing{outcome=unsent}}) and logged at DEBUG, not retried, since it is
 * stale in seconds. Only between users who have a dialog; per user and friend at most one signal per
 * {@code chat.ws.typing-interval} is published, the rest are dropped without an answer (clients send one per key
 * press). A gateway drops signals for users not connected to it before parsing them (the recipient header).
 */
@Component
class TypingRelay {

    static final String TYPING = "chat.gateway.typing";

    private static final Logger log = LoggerFactory.getLogger(TypingRelay.class);
    private static final ObjectReader SIGNALS = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build().readerFor(TypingSignal.class);

    private record Pair(UUID from, UUID to) {
    }

    private final DialogService dialogs;
    private final KafkaTemplate<String, TypingSignal> template;
    private final SessionRegistry sessions;
    private final Frames frames;
    /** (user, friend) pairs that published within the interval: the rate limit, bounded in memory. */
    private final Cache<Pair, Boolean> recent;
    private final MeterRegistry meters;

    TypingRelay(DialogService dialogs, KafkaTemplate<String, TypingSignal> typingSignalTemplate, SessionRegistry sessions,
                WebSocketProperties ws, JsonMapper json, MeterRegistry meters) {
        this.dialogs = dialogs;
        this.template = typingSignalTemplate;
        this.sessions = sessions;
        this.frames = new Frames(json);
        this.recent = Caffeine.newBuilder().maximumSize(1_000_000).expireAfterWrite(ws.typingInterval()).build();
        this.meters = meters;
    }

    /**
     * The {@code typing} frame of {@code from}'s session: published unless the pair published within the interval.
     *
     * @throws org.springframework.web.ErrorResponseException 404 {@code dialog-not-found} without a dialog
     */
    void typing(UUID from, UUID to) {
        if (dialogs.find(from, to).isEmpty()) {
            throw ProblemType.DIALOG_NOT_FOUND.exception("you have no dialog with user " + to);
        }
        if (recent.asMap().putIfAbsent(new Pair(from, to), Boolean.TRUE) != null) {
            count("dropped");
            return;
        }
        ProducerRecord<String, TypingSignal> record = new ProducerRecord<>(template.getDefaultTopic(), to.toString(),
                new TypingSignal(from, to));
        record.headers().add(MessageEventHeaders.RECIPIENT, MessageEventHeaders.encode(to));
        template.send(record).whenComplete((sent, e) -> {
            count(e == null ? "sent" : "unsent");
            if (e != null) {
                log.debug("typing signal of {} not sent: {}", from, e.toString());
            }
        });
    }

    /** A typing signal from {@link LiveSignalListener}; a value that is not one throws (logged and skipped). */
    void deliver(ConsumerRecord<String, byte[]> record) {
        Header to = record.headers().lastHeader(MessageEventHeaders.RECIPIENT);
        UUID recipient = to == null ? null : MessageEventHeaders.decode(to.value());
        if (recipient != null && sessions.sessionsOf(recipient).isEmpty()) {
            return;
        }
        TypingSignal signal = SIGNALS.readValue(record.value());
        if (signal == null || signal.from() == null || signal.to() == null) {
            return;
        }
        var targets = sessions.sessionsOf(signal.to());
        if (!targets.isEmpty()) {
            TextMessage frame = frames.text(new Frames.Typing("typing", signal.from()));
            targets.forEach(session -> session.push(frame));
        }
    }

    private void count(String outcome) {
        Counter.builder(TYPING).tag("outcome", outcome).description("typing frames by outcome: sent, dropped (rate), unsent")
                .register(meters).increment();
    }
}
