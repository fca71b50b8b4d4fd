package dev.chat.gateway.dialog;

import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chat.common.command.CreateDialogCommand;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogStore;

/**
 * Dialog metadata by unordered user pair, read through from Redis ({@code get_dialog}, read-only). Dialog
 * metadata never changes after creation, so a hit never goes stale; a miss is not cached, because the dialog
 * may be created a moment later (by the writer, maybe for another gateway). Bounded by size.
 */
final class DialogCache {

    private final Cache<String, Dialog> cache;
    private final DialogStore store;

    DialogCache(DialogStore store, long maxSize) {
        this.store = store;
        this.cache = Caffeine.newBuilder().maximumSize(maxSize).build();
    }

    /** @throws RuntimeException whatever the store throws when Redis fails */
    Optional<Dialog> find(UUID userId, UUID friendId) {
        String key = CreateDialogCommand.pairKey(userId, friendId);
        Dialog cached = cache.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Dialog> found = store.findDialog(userId, friendId);
        found.ifPresent(dialog -> cache.put(key, dialog));
        return found;
    }

    void remember(UUID userId, UUID friendId, Dialog dialog) {
        cache.put(CreateDialogCommand.pairKey(userId, friendId), dialog);
    }
}
