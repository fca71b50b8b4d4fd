package dev.chat.boot.store;

import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.id.MessageIds;

/**
 * Dialog lookup by the unordered pair of its users, with a bounded in-process cache ({@code chat.dialogs.cache-size})
 * in front of whichever {@link DialogStore} {@code chat.store} selects. The one dialog cache of every service.
 *
 * <p>Only found dialogs are cached: their metadata never changes after creation, so an entry never goes stale. A
 * miss is never cached, because the dialog may be created a moment later (by the writer, maybe for another
 * gateway). Thread-safe.
 */
public final class DialogDirectory {

    private final DialogStore store;
    private final Cache<Pair, Dialog> cache;

    /** @param maxSize dialogs kept; 0 caches none */
    public DialogDirectory(DialogStore store, long maxSize) {
        this.store = store;
        this.cache = Caffeine.newBuilder().maximumSize(maxSize).build();
    }

    /**
     * The dialog of the two users, whichever of them asks, from the cache or the store.
     *
     * @throws RuntimeException whatever the store throws when it fails
     */
    public Optional<Dialog> find(UUID userId, UUID friendId) {
        Pair pair = Pair.of(userId, friendId);
        Dialog cached = cache.getIfPresent(pair);
        if (cached != null) {
            return Optional.of(cached);
        }
        // Not cache.get(pair, loader): that would hold a map lock across a store round trip.
        Optional<Dialog> found = store.findDialog(userId, friendId);
        found.ifPresent(dialog -> cache.put(pair, dialog));
        return found;
    }

    /** Records a dialog this process just made or learnt of, so the next lookup needs no store call. */
    public void remember(UUID userId, UUID friendId, Dialog dialog) {
        cache.put(Pair.of(userId, friendId), dialog);
    }

    /**
     * The unordered pair: the store finds (a, b) and (b, a) as the same dialog. Two references, not the string
     * {@code CreateDialogCommand.pairKey} (a Kafka key), which costs four string allocations on every lookup.
     */
    private record Pair(UUID low, UUID high) {

        static Pair of(UUID a, UUID b) {
            return MessageIds.compare(a, b) <= 0 ? new Pair(a, b) : new Pair(b, a);
        }
    }
}
