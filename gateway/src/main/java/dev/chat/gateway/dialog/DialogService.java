package dev.chat.gateway.dialog;

import java.util.Optional;
import java.util.UUID;

import dev.chat.boot.problem.ProblemType;
import dev.chat.boot.store.DialogDirectory;
import dev.chat.common.command.CreateDialogCommand;
import dev.chat.common.command.CreateDialogReply;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogCreation;
import dev.chat.gateway.http.HttpProperties;
import dev.chat.gateway.user.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The gateway's view of dialogs: reads come from the dialog store through chat-boot's cached {@link DialogDirectory},
 * creation goes to the writer over Kafka. Thread-safe. Failures of the store, Kafka or the writer surface as 503
 * problems (nothing was done, the client may retry); a missing friend as a 404 {@code friend-not-found}.
 */
@Service
public class DialogService {

    private static final Logger log = LoggerFactory.getLogger(DialogService.class);

    private final DialogDirectory cache;
    private final DialogCommandClient commands;
    private final UserDirectory users;
    private final HttpProperties http;

    DialogService(DialogDirectory cache, DialogCommandClient commands, UserDirectory users, HttpProperties http) {
        this.cache = cache;
        this.commands = commands;
        this.users = users;
        this.http = http;
    }

    /** The dialog of the two users in either order, if it exists. Never creates anything. */
    public Optional<Dialog> find(UUID userId, UUID friendId) {
        try {
            return cache.find(userId, friendId);
        } catch (RuntimeException e) {
            log.warn("dialog lookup failed: {}", e.toString());
            throw ProblemType.SERVICE_UNAVAILABLE.exception("the dialog store is not available; retry later", http.retryAfter(), e);
        }
    }

    /**
     * The dialog of the two users, created (owned by {@code userId}) when there is none. Idempotent: asking again, or
     * the friend asking at the same time, gives the same dialog with {@code created == false}. The brief's
     * algorithm: the friend must exist in Postgres; then the writer runs make_dialog.
     */
    public DialogCreation open(UUID userId, UUID friendId, String name) {
        if (userId.equals(friendId)) {
            throw ProblemType.VALIDATION.exception("friend_id: a dialog needs two different users");
        }
        if (!users.exists(friendId)) {
            throw ProblemType.FRIEND_NOT_FOUND.exception("no user with id " + friendId);
        }
        Optional<Dialog> existing = find(userId, friendId);
        if (existing.isPresent()) {
            return new DialogCreation(existing.get(), false);
        }
        CreateDialogReply reply = commands.create(
                new CreateDialogCommand(userId, friendId, UUID.randomUUID(), name == null ? "" : name));
        Dialog dialog = new Dialog(reply.dialogId(), reply.name(), reply.ownerId());
        cache.remember(userId, friendId, dialog);
        return new DialogCreation(dialog, reply.created());
    }
}
