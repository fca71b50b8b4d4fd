package dev.chat.reader.dialog;

import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.id.MessageIds;
import dev.chat.reader.system.ReaderProperties;
import org.springframework.stereotype.Component;

/**
 * Dialog lookups through a bounded in-process cache. Safe without invalidation because dialog metadata never
 * changes after creation. Misses are not cached: a dialog created a moment later must be found on the next
 * request. Thread-safe.
 */
@Component
class DialogCache {

    private final DialogStore store;
    private final Cache<Pair, Dialog> dialogs;

    DialogCache(DialogStore store, ReaderProperties properties) {
        this.store = store;
        this.dialogs = Caffeine.newBuilder().maximumSize(properties.dialogCacheSize()).build();
    }

    /** The dialog of the two users, whichever of them asks. */
    Optional<Dialog> find(UUID userId, UUID friendId) {
        Pair key = Pair.of(userId, friendId);
        Dialog cached = dialogs.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        // Not cache.get(key, loader): that would hold a map lock across a Redis round trip.
        Optional<Dialog> found = store.findDialog(userId, friendId);
        found.ifPresent(dialog -> dialogs.put(key, dialog));
        return found;
    }

    /** The unordered pair: the store finds (a, b) and (b, a) as the same dialog. */
    private record Pair(UUID low, UUID high) {

        static Pair of(UUID a, UUID b) {
            return MessageIds.compare(a, b) <= 0 ? new Pair(a, b) : new Pair(b, a);
        }
    }
}
