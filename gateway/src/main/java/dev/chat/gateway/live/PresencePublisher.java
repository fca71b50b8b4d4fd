package dev.chat.gateway.live;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.chat.common.command.PresenceSignal;
import dev.chat.gateway.kafka.ChatKafkaProperties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Announces this gateway's users on the live-signals topic ({@link PresenceSignal}, header {@value #KIND} =
 * {@value #PRESENCE}): a user's first session here, the last one closing, and the heartbeat of all of them, in chunks
 * of {@value #CHUNK} so a record stays far under Kafka's 1 MB. Best effort: a signal Kafka does not take is logged at
 * DEBUG; the next heartbeat repairs a lost "online", the expiry a lost "offline".
 */
@Component
class PresencePublisher {

    /** The header that tells live signals apart; without it a record is a typing signal. */
    static final String KIND = "chat-signal";
    static final String PRESENCE = "presence";
    static final int CHUNK = 1000;

    private static final Logger log = LoggerFactory.getLogger(PresencePublisher.class);

    private final KafkaTemplate<String, PresenceSignal> template;
    private final String gateway;

    PresencePublisher(KafkaTemplate<String, PresenceSignal> presenceSignalTemplate, ChatKafkaProperties kafka) {
        this.template = presenceSignalTemplate;
        this.gateway = kafka.eventsGroupId();
    }

    String gateway() {
        return gateway;
    }

    void online(UUID user) {
        send(new PresenceSignal(gateway, List.of(user), List.of()));
    }

    void offline(UUID user) {
        send(new PresenceSignal(gateway, List.of(), List.of(user)));
    }

    void heartbeat(Collection<UUID> users) {
        List<UUID> all = new ArrayList<>(users);
        for (int from = 0; from < all.size(); from += CHUNK) {
            send(new PresenceSignal(gateway, all.subList(from, Math.min(all.size(), from + CHUNK)), List.of()));
        }
    }

    private void send(PresenceSignal signal) {
        try {
            ProducerRecord<String, PresenceSignal> record = new ProducerRecord<>(template.getDefaultTopic(), gateway, signal);
            record.headers().add(KIND, PRESENCE.getBytes(StandardCharsets.US_ASCII));
            template.send(record).whenComplete((sent, e) -> {
                if (e != null) {
                    log.debug("presence signal not sent: {}", e.toString());
                }
            });
        } catch (RuntimeException e) {
            log.debug("presence signal not sent: {}", e.toString());
        }
    }
}
