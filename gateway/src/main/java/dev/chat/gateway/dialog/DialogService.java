package dev.chat.gateway.dialog;

import java.util.Optional;
import java.util.UUID;

import dev.chat.boot.problem.ProblemType;
import dev.chat.common.command.CreateDialogCommand;
import dev.chat.common.command.CreateDialogReply;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogCreation;
import dev.chat.common.dialog.DialogStore;
import dev.chat.gateway.system.HttpProperties;
import dev.chat.gateway.user.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** {@link Dialogs} over the dialog store (reads, cached) and the writer (creation, over Kafka). */
@Service
class DialogService implements Dialogs {

    private static final Logger log = LoggerFactory.getLogger(DialogService.class);

    private final DialogCache cache;
    private final DialogCommandClient commands;
    private final UserDirectory users;
    private final HttpProperties http;

    DialogService(DialogStore store, DialogProperties properties, DialogCommandClient commands, UserDirectory users,
                  HttpProperties http) {
        this.cache = new DialogCache(store, properties.cacheSize());
        this.commands = commands;
        this.users = users;
        this.http = http;
    }

    @Override
    public Optional<Dialog> find(UUID userId, UUID friendId) {
        try {
            return cache.find(userId, friendId);
        } catch (RuntimeException e) {
            log.warn("dialog lookup failed: {}", e.toString());
            throw ProblemType.SERVICE_UNAVAILABLE.exception("the dialog store is not available; retry later", http.retryAfter(), e);
        }
    }

    /** The brief's algorithm: the friend must exist in Postgres; then the writer runs make_dialog. */
    @Override
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
