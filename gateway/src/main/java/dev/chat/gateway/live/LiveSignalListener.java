package dev.chat.gateway.live;

import java.nio.charset.StandardCharsets;

import dev.chat.common.command.PresenceSignal;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every gateway reads the whole live-signals topic from the end under a group of its own
 * ({@code KafkaConfig#liveSignalContainerFactory}) and hands each record to its kind: presence
 * ({@link PresenceBoard}, header {@value PresencePublisher#KIND} = {@value PresencePublisher#PRESENCE}) or typing
 * ({@link TypingRelay}, no such header). A value that cannot be read throws: the container's error handler logs and
 * skips it.
 */
@Component
class LiveSignalListener {

    static final String ID = "live-signals-fanout";

    private static final ObjectReader PRESENCE = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build().readerFor(PresenceSignal.class);

    private final TypingRelay typing;
    private final PresenceBoard presence;

    LiveSignalListener(TypingRelay typing, PresenceBoard presence) {
        this.typing = typing;
        this.presence = presence;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = "${chat.kafka.topics.live-signals}",
            containerFactory = "liveSignalContainerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        Header kind = record.headers().lastHeader(PresencePublisher.KIND);
        if (kind != null && PresencePublisher.PRESENCE.equals(new String(kind.value(), StandardCharsets.US_ASCII))) {
            PresenceSignal signal = PRESENCE.readValue(record.value());
            if (signal != null) {
                presence.apply(signal, System.currentTimeMillis());
            }
        } else {
            typing.deliver(record);
        }
    }
}
