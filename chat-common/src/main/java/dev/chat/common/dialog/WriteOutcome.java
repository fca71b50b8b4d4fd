package dev.chat.common.dialog;

import java.util.UUID;

/**
 * Result of {@link DialogStore#writeMessage}.
 *
 * @param stored    true when this call stored the message; false when it was a duplicate
 * @param messageId the id of the message the store holds for this write: the given id, or for a
 *                  duplicate client id the id of the message stored first
 */
public record WriteOutcome(boolean stored, UUID messageId) {
}
