package dev.chat.common.command;

import java.util.UUID;

/**
 * Gateway → every gateway: {@code from} is typing to {@code to} (issue #14). Never stored: a signal on the
 * live-signals topic, keyed by {@code to} and with {@code to} in the {@link MessageEventHeaders#RECIPIENT} header, so
 * a gateway drops those for users not connected to it unparsed. Lost when Kafka is away; nobody retries it.
 *
 * @param from the user typing (from the verified token)
 * @param to   the friend who should see it
 */
public record TypingSignal(UUID from, UUID to) {
}
