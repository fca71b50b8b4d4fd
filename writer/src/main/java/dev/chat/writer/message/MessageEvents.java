package dev.chat.writer.message;

import java.util.List;

import dev.chat.common.command.MessageEvent;

/**
 * Where the writer announces what became of each send command.
 *
 * <p>Contract: {@link #publish} returns only once the event is durably on the events topic (all in-sync
 * replicas), keyed by its dialog id, so events of one dialog keep the order in which they were published;
 * otherwise it throws {@link EventNotPublishedException} and the caller must not acknowledge the command.
 * Thread-safe.
 */
interface MessageEvents {

    void publish(MessageEvent event);

    /**
     * Publishes the events in list order and returns only once every one of them is durably on the topic, so
     * events of one dialog keep their list order. Otherwise throws {@link EventNotPublishedException} naming
     * the first event (in list order) that was not acknowledged; any of the others may or may not have been
     * published, so the caller acknowledges none of their commands and publishes them all again. The default
     * publishes one by one; an implementation may send them all before waiting for the first acknowledgement.
     */
    default void publishAll(List<MessageEvent> events) {
        events.forEach(this::publish);
    }
}
