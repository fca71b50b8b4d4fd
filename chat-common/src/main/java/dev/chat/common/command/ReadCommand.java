package dev.chat.common.command;

import java.util.UUID;

/**
 * Gateway → writer: move the user's read marker in the dialog up to this message. Keyed by {@code dialogId} on the
 * read-commands topic, so a dialog's reads are applied in the order the gateway accepted them; order does not
 * matter for the result anyway, since a marker only ever moves forward. Every field is fixed before publishing,
 * so a redelivery is byte-identical and changes nothing the first delivery did not.
 *
 * @param dialogId  the resolved dialog
 * @param userId    who read (from the verified token, never from the request body)
 * @param friendId  the other participant, whose inbox shows the marker and who gets the receipt
 * @param messageId the last message read (the gateway checked the dialog holds it)
 * @param ts        that message's ts, epoch millis ({@code MessageIds.millisOf(messageId)})
 */
public record ReadCommand(UUID dialogId, UUID userId, UUID friendId, UUID messageId, long ts) {
}
