package dev.chat.writer.message;

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
}
