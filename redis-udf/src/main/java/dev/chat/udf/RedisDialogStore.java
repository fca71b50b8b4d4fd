package dev.chat.udf;

import static dev.chat.udf.ChatFunction.CLAIM_CLIENT_ID;
import static dev.chat.udf.ChatFunction.GET_DIALOG;
import static dev.chat.udf.ChatFunction.MAKE_DIALOG;
import static dev.chat.udf.ChatFunction.SHOW_MESSAGES;
import static dev.chat.udf.ChatFunction.WRITE_MESSAGE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.ClientIdClaim;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogCreation;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.EncodedPage;
import dev.chat.common.dialog.InboxPage;
import dev.chat.common.dialog.MessagePage;
import dev.chat.common.dialog.MessageWrite;
import dev.chat.common.dialog.PageCursor;
import dev.chat.common.dialog.PageRequest;
import dev.chat.common.dialog.ReadOutcome;
import dev.chat.common.dialog.WriteOutcome;
import io.lettuce.core.ScriptOutputType;

/**
 * {@link DialogStore} over the {@code chat} Redis Functions library. Writes go with FCALL to the primary,
 * reads with FCALL_RO (to a replica when {@link RedisChatSettings#reads()} prefers one: a dialog or message
 * written a moment ago may then not be visible yet). With {@link RedisChatSettings#replicaAcks()} above 0 a write
 * returns only once that many replicas have it, else it throws {@link ReplicaAckException}.
 *
 * <p><b>One dialog per pair.</b> On standalone Redis {@code make_dialog} gets both key orders and checks
 * them atomically, so racing creations of one pair end with one dialog. On Redis Cluster the two orders
 * hash to different slots, so each call gets one key: {@link #makeDialog} reads the reverse key on the
 * primary, then creates under {@code dialog:<user>:<friend>} only if that key is still free. Two creations
 * of one pair from both sides at the same moment could then make two dialogs; callers serialise creation
 * per unordered pair (the writer does, by Kafka key), and then the result is one dialog.
 *
 * <p><b>Inbox.</b> Kept by the functions of chat.lua's "inbox" section ({@link RedisInbox}): per user, three keys in
 * the slot of {@code inbox:<user_id>}. On one Redis a message and both users' inboxes are written by one atomic
 * call; on a cluster they are three calls in three slots, and a reader can see the message before an inbox; a
 * replay of the write completes what a failure left out (see docs/redis-cluster.md).
 *
 * <p>Client ids: at most {@value #MAX_CLIENT_ID_BYTES} UTF-8 bytes, not empty; remembered per author and
 * dialog for 24 h after the dialog's last write with a client id (see redis-udf/README.md).
 */
public final class RedisDialogStore implements DialogStore {

    /** The longest client id write_message accepts. */
    public static final int MAX_CLIENT_ID_BYTES = WriteCall.MAX_CLIENT_ID_BYTES;

    private final FunctionCalls calls;
    private final boolean oneKeyPerCall;
    private final RedisInbox inbox;

    RedisDialogStore(FunctionCalls calls, boolean oneKeyPerCall) {
        this.calls = calls;
        this.oneKeyPerCall = oneKeyPerCall;
        this.inbox = new RedisInbox(calls, oneKeyPerCall);
    }

    /** Then both users' inboxes ({@link RedisInbox#enter}), also when the dialog existed: that repairs, moves nothing. */
    @Override
    public DialogCreation makeDialog(UUID userId, UUID friendId, UUID newDialogId, String name) {
        DialogCreation creation = createDialog(userId, friendId, newDialogId, name);
        inbox.enter(creation.dialog(), userId, friendId);
        return creation;
    }

    private DialogCreation createDialog(UUID userId, UUID friendId, UUID newDialogId, String name) {
        Objects.requireNonNull(newDialogId, "newDialogId");
        String[] args = {newDialogId.toString(), name == null ? "" : name, userId.toString()};
        String key = RedisKeys.dialog(userId, friendId);
        String reverse = RedisKeys.dialog(friendId, userId);
        if (!oneKeyPerCall) {
            return Replies.creation(calls.write(MAKE_DIALOG, ScriptOutputType.MULTI, keys(key, reverse), args));
        }
        // FCALL, not FCALL_RO: a lagging replica could miss a reverse dialog made a moment ago
        String existing = calls.call(GET_DIALOG, ScriptOutputType.VALUE, keys(reverse));
        if (existing != null) {
            return new DialogCreation(Replies.dialog(existing), false);
        }
        return Replies.creation(calls.write(MAKE_DIALOG, ScriptOutputType.MULTI, keys(key), args));
    }

    @Override
    public Optional<Dialog> findDialog(UUID userId, UUID friendId) {
        String key = RedisKeys.dialog(userId, friendId);
        String reverse = RedisKeys.dialog(friendId, userId);
        String found;
        if (oneKeyPerCall) {
            found = calls.read(GET_DIALOG, ScriptOutputType.VALUE, keys(key));
            if (found == null) {
                found = calls.read(GET_DIALOG, ScriptOutputType.VALUE, keys(reverse));
            }
        } else {
            found = calls.read(GET_DIALOG, ScriptOutputType.VALUE, keys(key, reverse));
        }
        return Optional.ofNullable(found).map(Replies::dialog);
    }

    @Override
    public WriteOutcome writeMessage(ChatMessage message, String clientId) {
        WriteCall call = WriteCall.of(message, clientId);
        return Replies.outcome(calls.write(WRITE_MESSAGE, ScriptOutputType.MULTI, call.keys(), call.args()));
    }

    /**
     * One pipeline of {@code write_message} calls: one round trip for the lot, Redis runs them in order. Writes that
     * keep the inbox: see {@link RedisInbox#write}.
     */
    @Override
    public List<WriteOutcome> writeMessages(List<MessageWrite> writes) {
        if (writes.stream().anyMatch(MessageWrite::keepsInbox)) {
            return inbox.write(writes);
        }
        List<String[]> keys = new ArrayList<>(writes.size());
        List<String[]> args = new ArrayList<>(writes.size());
        for (MessageWrite write : writes) {
            WriteCall call = WriteCall.of(write.message(), write.clientId()); // all checked before any is sent
            keys.add(call.keys());
            args.add(call.args());
        }
        List<List<Object>> replies = calls.writeAll(WRITE_MESSAGE, ScriptOutputType.MULTI, keys, args);
        return replies.stream().map(Replies::outcome).toList();
    }

    @Override
    public InboxPage showInbox(UUID userId, PageCursor before, int limit) {
        return inbox.show(userId, before, limit);
    }

    @Override
    public ReadOutcome markRead(UUID userId, UUID friendId, UUID dialogId, PageCursor upTo) {
        return inbox.markRead(userId, friendId, dialogId, upTo);
    }

    /** One FCALL_RO of {@code has_message}: where the read preference sends reads, like the reader's. */
    @Override
    public boolean hasMessage(UUID dialogId, PageCursor at) {
        return inbox.hasMessage(Objects.requireNonNull(dialogId, "dialogId"), at, false);
    }

    /** FCALL without waiting for replicas: a claim lost in a failover costs a retry its id, never a message. */
    @Override
    public ClientIdClaim claimClientId(UUID dialogId, UUID authorId, String clientId, ClientIdClaim claim,
                                       Duration ttl) {
        WriteCall.checkClientId(clientId);
        if (ttl.toMillis() < 1) {
            throw new IllegalArgumentException("ttl must be at least 1 ms, was " + ttl);
        }
        List<String> reply = calls.call(CLAIM_CLIENT_ID, ScriptOutputType.MULTI, keys(RedisKeys.claims(dialogId)),
                RedisKeys.requestField(authorId, clientId), claim.messageId().toString(), claim.digest(),
                Long.toString(ttl.toMillis()));
        return new ClientIdClaim(UUID.fromString(reply.get(0)), reply.get(1));
    }

    @Override
    public MessagePage showMessages(UUID dialogId, PageRequest request) {
        return Replies.page(calls.read(SHOW_MESSAGES, ScriptOutputType.MULTI, keys(RedisKeys.messages(dialogId)),
                pageArgs(request)));
    }

    /** The members as Redis returns them: no string decoding, no JSON parsing, only a check of their layout. */
    @Override
    public EncodedPage showEncoded(UUID dialogId, PageRequest request) {
        return Replies.encodedPage(calls.readRaw(SHOW_MESSAGES, keys(RedisKeys.messages(dialogId)), pageArgs(request)));
    }

    private static String[] pageArgs(PageRequest request) {
        String direction = request.direction().name().toLowerCase(Locale.ROOT);
        String limit = Integer.toString(request.limit());
        return request.cursor() == null
                ? new String[] {direction, limit}
                : new String[] {direction, limit, Long.toString(request.cursor().ts()), request.cursor().id().toString()};
    }

    private static String[] keys(String... keys) {
        return keys;
    }
}
