package dev.chat.reader.dialog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.ClientIdClaim;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogCreation;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.InboxPage;
import dev.chat.common.dialog.PageCursor;
import dev.chat.common.dialog.ReadOutcome;
import dev.chat.common.dialog.MessagePage;
import dev.chat.common.dialog.PageRequest;
import dev.chat.common.dialog.WriteOutcome;
import dev.chat.common.id.MessageIds;

/**
 * A tiny {@link DialogStore} for unit tests of the reader's own logic (cursors, ordering, caching). It follows
 * the contract's ordering and paging rules; the real store is exercised by the API tests against Redis.
 */
final class InMemoryDialogStore implements DialogStore {

    private static final Comparator<ChatMessage> ORDER =
            Comparator.comparingLong(ChatMessage::ts).thenComparing(ChatMessage::id, MessageIds::compare);

    private final Map<String, Dialog> dialogs = new ConcurrentHashMap<>();
    private final Map<UUID, NavigableSet<ChatMessage>> messages = new ConcurrentHashMap<>();
    final AtomicInteger findCalls = new AtomicInteger();

    @Override
    public synchronized DialogCreation makeDialog(UUID userId, UUID friendId, UUID newDialogId, String name) {
        Optional<Dialog> existing = lookup(userId, friendId);
        if (existing.isPresent()) {
            return new DialogCreation(existing.get(), false);
        }
        Dialog dialog = new Dialog(newDialogId, name, userId);
        dialogs.put(userId + ":" + friendId, dialog);
        return new DialogCreation(dialog, true);
    }

    @Override
    public Optional<Dialog> findDialog(UUID userId, UUID friendId) {
        findCalls.incrementAndGet();
        return lookup(userId, friendId);
    }

    private Optional<Dialog> lookup(UUID userId, UUID friendId) {
        Dialog dialog = dialogs.get(userId + ":" + friendId);
        return Optional.ofNullable(dialog != null ? dialog : dialogs.get(friendId + ":" + userId));
    }

    @Override
    public WriteOutcome writeMessage(ChatMessage message, String clientId) {
        boolean stored = messages.computeIfAbsent(message.chatId(), id -> new ConcurrentSkipListSet<>(ORDER))
                .add(message);
        return new WriteOutcome(stored, message.id());
    }

    @Override
    public MessagePage showMessages(UUID dialogId, PageRequest request) {
        NavigableSet<ChatMessage> all = messages.getOrDefault(dialogId, new ConcurrentSkipListSet<>(ORDER));
        NavigableSet<ChatMessage> view;
        if (request.direction() == PageRequest.Direction.OLDER) {
            view = request.cursor() == null ? all.descendingSet()
                    : all.headSet(probe(request), false).descendingSet();
        } else {
            view = request.cursor() == null ? all : all.tailSet(probe(request), false);
        }
        List<ChatMessage> page = new ArrayList<>();
        for (ChatMessage m : view) {
            if (page.size() == request.limit()) {
                return new MessagePage(page, true);
            }
            page.add(m);
        }
        return new MessagePage(page, false);
    }

    private static ChatMessage probe(PageRequest request) {
        UUID nobody = new UUID(0, 0);
        return new ChatMessage(request.cursor().id(), nobody, nobody, "", request.cursor().ts());
    }

    /** Only gateways claim client ids; this service never does. */
    @Override
    public ClientIdClaim claimClientId(UUID dialogId, UUID authorId, String clientId, ClientIdClaim claim,
                                       Duration ttl) {
        throw new UnsupportedOperationException("not used here");
    }

    /** The inbox is covered by the store contract on the real stores; these unit tests do not read it. */
    @Override
    public InboxPage showInbox(UUID userId, PageCursor before, int limit) {
        throw new UnsupportedOperationException("not used here");
    }

    @Override
    public ReadOutcome markRead(UUID userId, UUID friendId, UUID dialogId, PageCursor upTo) {
        throw new UnsupportedOperationException("not used here");
    }

    @Override
    public boolean hasMessage(UUID dialogId, PageCursor at) {
        throw new UnsupportedOperationException("not used here");
    }
}
