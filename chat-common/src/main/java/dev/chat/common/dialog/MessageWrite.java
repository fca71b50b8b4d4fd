package dev.chat.common.dialog;

import java.util.Objects;
import java.util.UUID;

/**
 * One write of {@link DialogStore#writeMessages}: what {@link DialogStore#writeMessage} takes as its two arguments,
 * and whose inboxes the write keeps.
 *
 * @param message     the message to store in its dialog ({@code message.chatId()})
 * @param clientId    the sender's own request id, or null
 * @param recipientId the other user of the dialog: with it the write also keeps the inboxes of the author and the
 *                    recipient ({@link DialogStore#writeMessages}); null keeps no inbox
 * @param dialogName  the dialog's name, used only when the write has to add the dialog to an inbox that lacks it
 *                    (a dialog made before the inbox existed); null is the empty name
 */
public record MessageWrite(ChatMessage message, String clientId, UUID recipientId, String dialogName) {

    public MessageWrite {
        Objects.requireNonNull(message, "message");
        dialogName = dialogName == null ? "" : dialogName;
        if (message.authorId().equals(recipientId)) {
            throw new IllegalArgumentException("the recipient must be the author's friend, not the author");
        }
    }

    /** A write that keeps no inbox. */
    public MessageWrite(ChatMessage message, String clientId) {
        this(message, clientId, null, null);
    }

    /** Whether the write keeps the two users' inboxes. */
    public boolean keepsInbox() {
        return recipientId != null;
    }
}
