package dev.chat.gateway.message;

import java.util.UUID;

import dev.chat.gateway.message.MessageApi.MessageAccepted;

/**
 * Sending a message from a transport other than the HTTP controller (the WebSocket). It is the same service as
 * {@code POST /api/v1/dialogs/{friend_id}/messages}, not a copy:
 * <ul>
 *   <li><b>Validation:</b> {@code text} and {@code client_id} are checked against the constraints of the HTTP
 *       request record itself, so both transports accept exactly the same input.</li>
 *   <li><b>Idempotency:</b> per (author, client_id) on this gateway, shared with HTTP: a retry over either
 *       transport answers the first message's id.</li>
 *   <li><b>Acknowledgement:</b> returns only once Kafka has acknowledged the command; never "accepted" for a
 *       message Kafka did not take.</li>
 * </ul>
 * Blocking (at most {@code chat.kafka.send-timeout}) and thread-safe.
 */
public interface MessageSender {

    /**
     * @param clientId the client's id for this send, or null
     * @throws org.springframework.web.ErrorResponseException a problem of the same type the HTTP endpoint answers
     *         ({@code validation}, {@code dialog-not-found}, {@code client-id-conflict}, {@code service-unavailable})
     */
    MessageAccepted send(UUID authorId, UUID friendId, String text, String clientId);
}
