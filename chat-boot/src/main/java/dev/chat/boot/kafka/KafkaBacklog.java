package dev.chat.boot.kafka;

/**
 * What a service has waiting on Kafka, named in the "Kafka unreachable" report ({@link KafkaReachability}) so that
 * the report says what the outage costs, e.g. the gateway's sends awaiting an acknowledgement or refused with 503.
 * A bean of this type is picked up by chat-boot's auto-configuration; listener containers (consumer groups and
 * their topics) are described without one.
 */
@FunctionalInterface
public interface KafkaBacklog {

    /** A short phrase, e.g. {@code "sends: 3 awaiting Kafka's acknowledgement, 17 refused with 503 since start"}. */
    String describe();
}
