package dev.chat.gateway.message;

import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.chat.boot.problem.ProblemType;
import dev.chat.common.command.SendMessageCommand;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.id.MessageIds;
import dev.chat.gateway.dialog.Dialogs;
import dev.chat.gateway.message.MessageApi.MessageAccepted;
import dev.chat.gateway.message.MessageApi.SendMessageRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Service;

/**
 * Accepts a message: takes it from the author's send budget ({@link SendRateLimiter}, shared by HTTP and WebSocket),
 * resolves the dialog (Redis, cached), fixes id and timestamp, and answers only once Kafka has acknowledged the
 * command. Never answers "accepted" for a message Kafka did not take; publishes nothing for a refused one.
 */
@Service
class MessageService implements MessageSender {

    /** One generator per gateway, so ids (and with them timestamps) of one sender never go backwards. */
    private final MessageIds ids = new MessageIds();
    private final Dialogs dialogs;
    private final CommandPublisher publisher;
    private final ClientIdRegistry clientIds;
    private final SendRateLimiter limiter;
    private final MessageProperties properties;
    private final Validator validator;

    MessageService(Dialogs dialogs, CommandPublisher publisher, MessageProperties properties, Validator validator) {
        this.dialogs = dialogs;
        this.publisher = publisher;
        this.clientIds = new ClientIdRegistry(properties);
        this.limiter = new SendRateLimiter(properties.sendRate(), properties.sendBurst(), System::nanoTime);
        this.properties = properties;
        this.validator = validator;
    }

    /** Validates with the HTTP request's own constraints, then takes the HTTP path. */
    @Override
    public MessageAccepted send(UUID authorId, UUID friendId, String text, String clientId) {
        Set<ConstraintViolation<SendMessageRequest>> violations = validator.validate(new SendMessageRequest(text, clientId));
        if (!violations.isEmpty()) {
            throw ProblemType.VALIDATION.exception(violations.stream()
                    .map(v -> jsonName(v.getPropertyPath().toString()) + ": " + v.getMessage())
                    .sorted(Comparator.naturalOrder()).collect(Collectors.joining("; ")));
        }
        return send(authorId, friendId, text, clientId, false);
    }

    /**
     * @param createDialog whether a missing dialog is created first (OTUS has no create call) or is a 404
     * @param clientId     the client's id for this send, or null
     */
    MessageAccepted send(UUID authorId, UUID friendId, String text, String clientId, boolean createDialog) {
        takeFromBudget(authorId, clientId);
        if (authorId.equals(friendId)) {
            throw ProblemType.VALIDATION.exception("a message needs a recipient other than the sender");
        }
        Dialog dialog = resolve(authorId, friendId, createDialog);
        if (clientId == null) {
            SendMessageCommand command = command(dialog, authorId, friendId, text, null);
            publisher.awaitAck(publisher.publish(command), command);
            return MessageAccepted.of(command);
        }
        ClientIdRegistry.Entry entry = clientIds.entry(authorId, clientId,
                () -> command(dialog, authorId, friendId, text, clientId));
        SendMessageCommand command = entry.command();
        if (!command.dialogId().equals(dialog.id()) || !command.text().equals(text)) {
            throw ProblemType.CLIENT_ID_CONFLICT.exception("client_id '" + clientId
                    + "' was already used for message " + command.messageId() + " with another text or dialog; use a new client_id per message");
        }
        publisher.awaitAck(entry.publication(publisher::publish), command);
        return MessageAccepted.of(command);
    }

    /** @throws org.springframework.web.ErrorResponseException 429 {@code rate-limited} with {@code Retry-After} */
    private void takeFromBudget(UUID authorId, String clientId) {
        Duration wait = limiter.acquire(authorId);
        if (!wait.isZero()) {
            throw ProblemType.RATE_LIMITED.exception("more than " + properties.sendBurst() + " messages at once or "
                    + properties.sendRate() + " per second from one user; this one was not sent, retry later"
                    + (clientId == null ? "" : " (a retry with the same client_id cannot duplicate it)"), wait, null);
        }
    }

    /** The field as the client spells it: the API's JSON is snake_case. */
    private static String jsonName(String javaName) {
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    private Dialog resolve(UUID authorId, UUID friendId, boolean createDialog) {
        return dialogs.find(authorId, friendId).orElseGet(() -> {
            if (!createDialog) {
                throw ProblemType.DIALOG_NOT_FOUND.exception("you have no dialog with user " + friendId
                        + "; create it first with POST /api/v1/dialogs");
            }
            return dialogs.open(authorId, friendId, "").dialog();
        });
    }

    private SendMessageCommand command(Dialog dialog, UUID authorId, UUID friendId, String text, String clientId) {
        UUID id = ids.next();
        return new SendMessageCommand(id, dialog.id(), authorId, friendId, text, MessageIds.millisOf(id), clientId);
    }
}
