package dev.chat.writer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.chat.common.command.CreateDialogCommand;
import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.ClientIdClaim;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogCreation;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.InboxPage;
import dev.chat.common.dialog.PageCursor;
import dev.chat.common.dialog.ReadOutcome;
import dev.chat.common.dialog.MessagePage;
import dev.chat.common.dialog.MessageWrite;
import dev.chat.common.dialog.PageRequest;
import dev.chat.common.dialog.WriteOutcome;

/** A minimal store for unit tests of the writer's own logic; the integration tests use Redis. */
public final class InMemoryDialogStore implements DialogStore {

    private final Map<String, Dialog> dialogs = new ConcurrentHashMap<>();
    private final Map<UUID, ChatMessage> messages = new ConcurrentHashMap<>();
    private final Map<String, UUID> clientIds = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger writeCalls = new AtomicInteger();
    private volatile RuntimeException nextWriteFailure;

    @Override
    public synchronized DialogCreation makeDialog(UUID userId, UUID friendId, UUID newDialogId, String name) {
        String pair = CreateDialogCommand.pairKey(userId, friendId);
        Dialog existing = dialogs.get(pair);
        if (existing != null) {
            return new DialogCreation(existing, false);
        }
        Dialog made = new Dialog(newDialogId, name, userId);
        dialogs.put(pair, made);
        return new DialogCreation(made, true);
    }

    @Override
    public Optional<Dialog> findDialog(UUID userId, UUID friendId) {
        lookups.incrementAndGet();
        return Optional.ofNullable(dialogs.get(CreateDialogCommand.pairKey(userId, friendId)));
    }

    @Override
    public synchronized WriteOutcome writeMessage(ChatMessage message, String clientId) {
        writeCalls.incrementAndGet();
        return write(message, clientId);
    }

    /** One store call, written one after the other as the real stores promise. */
    @Override
    public synchronized List<WriteOutcome> writeMessages(List<MessageWrite> writes) {
        writeCalls.incrementAndGet();
        return writes.stream().map(w -> write(w.message(), w.clientId())).toList();
    }

    private WriteOutcome write(ChatMessage message, String clientId) {
        RuntimeException failure = nextWriteFailure;
        if (failure != null) {
            nextWriteFailure = null;
            throw failure;
        }
        String request = clientId == null ? null : message.authorId() + ":" + message.chatId() + ":" + clientId;
        if (request != null && clientIds.containsKey(request)) {
            return new WriteOutcome(false, clientIds.get(request));
        }
        if (messages.putIfAbsent(message.id(), message) != null) {
            return new WriteOutcome(false, message.id());
        }
        if (request != null) {
            clientIds.put(request, message.id());
        }
        return new WriteOutcome(true, message.id());
    }

    @Override
    public MessagePage showMessages(UUID dialogId, PageRequest request) {
        throw new UnsupportedOperationException("the writer never reads messages");
    }

    public int lookups() {
        return lookups.get();
    }

    /** Calls of writeMessage or writeMessages, each a round trip or transaction in a real store. */
    public int writeCalls() {
        return writeCalls.get();
    }

    public int messageCount() {
        return messages.size();
    }

    public void failNextWrite(RuntimeException failure) {
        nextWriteFailure = failure;
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
