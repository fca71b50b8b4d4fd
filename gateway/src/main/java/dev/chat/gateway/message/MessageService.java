package dev.chat.gateway.message;

import java.time.Duration;
import java.util.UUID;

import dev.chat.boot.problem.ProblemType;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.id.MessageIds;
import dev.chat.gateway.dialog.DialogService;
import dev.chat.gateway.message.MessageApi.MessageAccepted;
import dev.chat.gateway.message.MessageApi.SendMessageRequest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;

/**
 * Accepts a message, the one send path of HTTP and WebSocket:
 * <ul>
 *   <li><b>Validation:</b> {@link #send}'s request is checked by Bean Validation on the method (this bean is
 *       {@code @Validated}; {@code spring.validation.method.adapt-constraint-violations} makes a refusal a
 *       {@link org.springframework.validation.method.MethodValidationException}, a 400 {@code validation} over HTTP
 *       and an {@code error} frame of that type over WebSocket), so both transports accept exactly the same input.</li>
 *   <li><b>Budget:</b> the author's send budget ({@link SendRateLimiter}) is shared by both transports.</li>
 *   <li><b>Idempotency:</b> per (author, client_id), shared by both and by every gateway ({@link ClientIdRegistry}).</li>
 *   <li><b>Acknowledgement:</b> answers only once Kafka has acknowledged the command; never "accepted" for a message
 *       Kafka did not take, and publishes nothing for a refused one.</li>
 * </ul>
 * Blocking (at most {@code chat.kafka.send-timeout}) and thread-safe. Refusals are
 * {@link org.springframework.web.ErrorResponseException}s of the system's problem types ({@code dialog-not-found},
 * {@code client-id-conflict}, {@code rate-limited}, {@code service-unavailable}).
 */
@Service
@Validated
public class MessageService {

    /** One generator per gateway, so ids (and with them timestamps) of one sender never go backwards. */
    private final MessageIds ids = new MessageIds();
    private final DialogService dialogs;
    private final CommandPublisher publisher;
    private final ClientIdRegistry clientIds;
    private final SendRateLimiter limiter;
    private final MessageProperties properties;

    MessageService(DialogService dialogs, CommandPublisher publisher, MessageProperties properties, DialogStore store,
                   MeterRegistry meters) {
        this.dialogs = dialogs;
        this.publisher = publisher;
        this.clientIds = new ClientIdRegistry(properties, store, meters);
        this.limiter = new SendRateLimiter(properties.sendRate(), properties.sendBurst(), System::nanoTime);
        this.properties = properties;
    }

    /** {@code POST /api/v1/dialogs/{friend_id}/messages} and the WebSocket's {@code send}: the dialog must exist. */
    public MessageAccepted send(UUID authorId, UUID friendId, @NotNull @Valid SendMessageRequest message) {
        checkSend(authorId, friendId, message.clientId());
        Dialog dialog = dialogs.find(authorId, friendId).orElseThrow(() -> ProblemType.DIALOG_NOT_FOUND.exception(
                "you have no dialog with user " + friendId + "; create it first with POST /api/v1/dialogs"));
        return accept(dialog, authorId, friendId, message.text(), message.clientId());
    }

    /** OTUS {@code POST /dialog/{user_id}/send}, whose API has no create call: the first send opens the dialog. */
    public MessageAccepted sendOpeningDialog(UUID authorId, UUID friendId, String text) {
        checkSend(authorId, friendId, null);
        Dialog dialog = dialogs.find(authorId, friendId)
                .orElseGet(() -> dialogs.open(authorId, friendId, "").dialog());
        return accept(dialog, authorId, friendId, text, null);
    }

    /** @throws org.springframework.web.ErrorResponseException 429 {@code rate-limited}, 400 for a send to oneself */
    private void checkSend(UUID authorId, UUID friendId, String clientId) {
        Duration wait = limiter.acquire(authorId);
        if (!wait.isZero()) {
            throw ProblemType.RATE_LIMITED.exception("more than " + properties.sendBurst() + " messages at once or "
                    + properties.sendRate() + " per second from one user; this one was not sent, retry later"
                    + (clientId == null ? "" : " (a retry with the same client_id cannot duplicate it)"), wait, null);
        }
        if (authorId.equals(friendId)) {
            throw ProblemType.VALIDATION.exception("a message needs a recipient other than the sender");
        }
    }

    private MessageAccepted accept(Dialog dialog, UUID authorId, UUID friendId, String text, String clientId) {
        if (clientId != null) {
            return clientIds.accept(command(dialog, authorId, friendId, text, clientId), publisher);
        }
        SendMessageCommand command = command(dialog, authorId, friendId, text, null);
        publisher.awaitAck(publisher.publish(command), command);
        return MessageAccepted.of(command);
    }

    private SendMessageCommand command(Dialog dialog, UUID authorId, UUID friendId, String text, String clientId) {
        UUID id = ids.next();
        return new SendMessageCommand(id, dialog.id(), authorId, friendId, text, MessageIds.millisOf(id), clientId);
    }
}
