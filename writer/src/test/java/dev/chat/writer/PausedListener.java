package dev.chat.writer;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Holds a listener container's consumers paused (still in their group, no rebalance) until closed, so that
 * records published meanwhile are fetched together once it resumes: one partition's records arrive in one
 * poll, or in two when a fetch was already under way when the pause began.
 */
public final class PausedListener implements AutoCloseable {

    private final MessageListenerContainer container;

    private PausedListener(MessageListenerContainer container) {
        this.container = container;
    }

    /** Returns once every consumer of the container is paused. */
    public static PausedListener pause(MessageListenerContainer container) {
        container.pause();
        await().atMost(Duration.ofSeconds(30)).until(container::isContainerPaused);
        return new PausedListener(container);
    }

    @Override
    public void close() {
        container.resume();
    }
}
