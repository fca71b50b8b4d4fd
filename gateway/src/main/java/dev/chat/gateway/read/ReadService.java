package dev.chat.gateway.read;

import java.time.Duration;
import java.util.UUID;

import dev.chat.boot.problem.ProblemType;
import dev.chat.common.command.ReadCommand;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.PageCursor;
import dev.chat.common.id.MessageIds;
import dev.chat.gateway.dialog.DialogService;
import dev.chat.gateway.http.HttpProperties;
import dev.chat.gateway.message.SendRateLimiter;
import dev.chat.gateway.read.ReadApi.ReadAccepted;
import dev.chat.gateway.read.ReadApi.ReadRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;

/**
 * Sets a read marker, the one path of HTTP and the WebSocket's {@code read} frame, as {@code MessageService} is for
 * sends: Bean Validation on the method, the user's own read budget ({@code chat.reads.*}) for both transports, and
 * an answer only once Kafka acknowledged the command. The message must be one the dialog holds, checked here with
 * {@link DialogStore#hasMessage} so that the writer is only handed reads it can apply; its ts comes from its id
 * (UUIDv7). Refusals are {@link org.springframework.web.ErrorResponseException}s of the system's problem types
 * ({@code dialog-not-found}, {@code message-not-found}, {@code rate-limited}, {@code service-unavailable}).
 * Blocking and thread-safe.
 */
@Service
@Validated
public class ReadService {

    private static final Logger log = LoggerFactory.getLogger(ReadService.class);

    private final DialogService dialogs;
    private final DialogStore store;
    private final ReadCommandPublisher publisher;
    private final ReadProperties properties;
    private final HttpProperties http;
    private final SendRateLimiter limiter;

    ReadService(DialogService dialogs, DialogStore store, ReadCommandPublisher publisher, ReadProperties properties,
                HttpProperties http) {
        this.dialogs = dialogs;
        this.store = store;
        this.publisher = publisher;
        this.properties = properties;
        this.http = http;
        this.limiter = new SendRateLimiter(properties.rate(), properties.burst(), System::nanoTime);
    }

    /** {@code POST /api/v1/dialogs/{friend_id}/read} and the WebSocket's {@code read}. */
    public ReadAccepted read(UUID userId, UUID friendId, @NotNull @Valid ReadRequest request) {
        Duration wait = limiter.acquire(userId);
        if (!wait.isZero()) {
            throw ProblemType.RATE_LIMITED.exception("more than " + properties.burst() + " read markers at once or "
                    + properties.rate() + " per second from one user; this one was not set, retry later", wait, null);
        }
        Dialog dialog = dialogs.find(userId, friendId).orElseThrow(() -> ProblemType.DIALOG_NOT_FOUND.exception(
                "you have no dialog with user " + friendId));
        UUID messageId = request.messageId();
        PageCursor at = new PageCursor(MessageIds.millisOf(messageId), messageId);
        if (!holds(dialog, at)) {
            throw ProblemType.MESSAGE_NOT_FOUND.exception("message_id: " + messageId
                    + " is not a message of your dialog with user " + friendId);
        }
        publisher.publish(new ReadCommand(dialog.id(), userId, friendId, messageId, at.ts()));
        return new ReadAccepted(dialog.id(), messageId);
    }

    private boolean holds(Dialog dialog, PageCursor at) {
        try {
            return store.hasMessage(dialog.id(), at);
        } catch (RuntimeException e) {
            log.warn("message lookup failed: {}", e.toString());
            throw ProblemType.SERVICE_UNAVAILABLE.exception("the dialog store is not available; retry later",
                    http.retryAfter(), e);
        }
    }
}
