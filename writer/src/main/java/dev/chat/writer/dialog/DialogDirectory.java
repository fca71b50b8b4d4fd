package dev.chat.writer.dialog;

import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import dev.chat.common.command.CreateDialogCommand;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogStore;

/**
 * Dialog lookup by the unordered pair of its users, with a bounded in-process cache in front of the store.
 *
 * <p>Only found dialogs are cached: their metadata never changes after creation, so an entry never goes
 * stale. A miss is never cached, because the dialog may be created a moment later. Thread-safe.
 */
public final class DialogDirectory {

    private final DialogStore store;
    private final Cache<String, Dialog> cache;

    public DialogDirectory(DialogStore store, Cache<String, Dialog> cache) {
        this.store = store;
        this.cache = cache;
    }

    /** The dialog of the two users (either order), from the cache or the store. */
    public Optional<Dialog> find(UUID userId, UUID friendId) {
        String pair = CreateDialogCommand.pairKey(userId, friendId);
        Dialog cached = cache.getIfPresent(pair);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Dialog> found = store.findDialog(userId, friendId);
        found.ifPresent(dialog -> cache.put(pair, dialog));
        return found;
    }

    /** Records a dialog this process just made or found, so the first message needs no lookup. */
    void remember(UUID userId, UUID friendId, Dialog dialog) {
        cache.put(CreateDialogCommand.pairKey(userId, friendId), dialog);
    }
}
