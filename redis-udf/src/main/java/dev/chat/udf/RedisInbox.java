package dev.chat.udf;

import static dev.chat.udf.ChatFunction.HAS_MESSAGE;
import static dev.chat.udf.ChatFunction.INBOX_ENTER;
import static dev.chat.udf.ChatFunction.INBOX_FRIEND_READ;
import static dev.chat.udf.ChatFunction.INBOX_MESSAGE;
import static dev.chat.udf.ChatFunction.INBOX_READ;
import static dev.chat.udf.ChatFunction.LAST_MESSAGES;
import static dev.chat.udf.ChatFunction.SHOW_INBOX;
import static dev.chat.udf.ChatFunction.WRITE_INBOX_MESSAGE;
import static dev.chat.udf.ChatFunction.WRITE_MESSAGE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.InboxEntry;
import dev.chat.common.dialog.InboxPage;
import dev.chat.common.dialog.MessageWrite;
import dev.chat.common.dialog.PageCursor;
import dev.chat.common.dialog.PageRequest;
import dev.chat.common.dialog.ReadOutcome;
import dev.chat.common.dialog.WriteOutcome;
import dev.chat.udf.FunctionCalls.Call;
import io.lettuce.core.ScriptOutputType;

/**
 * The inbox half of {@link RedisDialogStore} (chat.lua, section "inbox"). Every user's inbox is one slot and a
 * dialog's messages another, so on a cluster ({@code oneKeyPerCall}) each step is one call per slot, pipelined; on
 * one Redis a message and both inboxes are one {@code write_inbox_message} call, the cheapest way to keep them.
 * The steps commute (see chat.lua), which is what makes a partly failed step safe to run again.
 */
final class RedisInbox {

    private static final String[] NO_ARGS = {};

    /** The largest ts write_message stores: 15 digits. */
    private static final long MAX_TS = 999_999_999_999_999L;

    private final FunctionCalls calls;
    private final boolean oneKeyPerCall;

    RedisInbox(FunctionCalls calls, boolean oneKeyPerCall) {
        this.calls = calls;
        this.oneKeyPerCall = oneKeyPerCall;
    }

    /** Puts the dialog in both users' inboxes where it is missing: two calls in one pipeline. */
    void enter(Dialog dialog, UUID userId, UUID friendId) {
        String now = Long.toString(System.currentTimeMillis());
        calls.writeEach(ScriptOutputType.INTEGER, List.of(enterCall(dialog, userId, friendId, now),
                enterCall(dialog, friendId, userId, now)));
    }

    /**
     * The writes, some of which keep the inbox. One Redis: one pipeline, a {@code write_inbox_message} per such write.
     * A cluster: the {@code write_message} pipeline as without the inbox, then one pipeline of {@code inbox_message}
     * calls, two per write whose message is the one stored (not a client-id duplicate), each to its user's slot.
     */
    List<WriteOutcome> write(List<MessageWrite> writes) {
        List<Call> stores = new ArrayList<>(writes.size());
        for (MessageWrite write : writes) { // all checked before any is sent
            stores.add(write.keepsInbox() && !oneKeyPerCall
                    ? WriteCall.withInbox(write).as(WRITE_INBOX_MESSAGE)
                    : WriteCall.of(write.message(), write.clientId()).as(WRITE_MESSAGE));
        }
        List<List<Object>> replies = calls.writeEach(ScriptOutputType.MULTI, stores);
        List<WriteOutcome> outcomes = replies.stream().map(Replies::outcome).toList();
        if (oneKeyPerCall) {
            keepInboxes(writes, outcomes);
        }
        return outcomes;
    }

    private void keepInboxes(List<MessageWrite> writes, List<WriteOutcome> outcomes) {
        List<Call> inboxes = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            MessageWrite write = writes.get(i);
            if (write.keepsInbox() && outcomes.get(i).messageId().equals(write.message().id())) {
                inboxes.add(WriteCall.inboxMessage(write, write.message().authorId()).as(INBOX_MESSAGE));
                inboxes.add(WriteCall.inboxMessage(write, write.recipientId()).as(INBOX_MESSAGE));
            }
        }
        if (!inboxes.isEmpty()) {
            calls.writeEach(ScriptOutputType.INTEGER, inboxes);
        }
    }

    /**
     * One FCALL_RO on the user's slot, then {@code last_messages} for the newest message of each dialog on the page:
     * one call on one Redis, on a cluster one per dialog (each its own slot), pipelined. The inbox keeps no copy of
     * the last message (chat.lua, section "inbox"): a copy cost every write two more calls.
     */
    InboxPage show(UUID userId, PageCursor before, int limit) {
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + PageRequest.MAX_LIMIT + ", was " + limit);
        }
        String[] args = before == null ? new String[] {Integer.toString(limit)}
                : new String[] {Integer.toString(limit), Long.toString(before.ts()), before.id().toString()};
        InboxPage page = InboxReplies.page(calls.read(SHOW_INBOX, ScriptOutputType.MULTI, userKeys(userId), args));
        return page.dialogs().isEmpty() ? page : withLastMessages(page);
    }

    private InboxPage withLastMessages(InboxPage page) {
        String[] keys = page.dialogs().stream().map(entry -> RedisKeys.messages(entry.dialogId())).toArray(String[]::new);
        List<Object> members = new ArrayList<>(keys.length);
        if (oneKeyPerCall) {
            List<Call> perDialog = Arrays.stream(keys).map(key -> new Call(LAST_MESSAGES, new String[] {key}, NO_ARGS))
                    .toList();
            calls.<List<Object>>readEach(ScriptOutputType.MULTI, perDialog).forEach(reply -> members.add(reply.get(0)));
        } else {
            members.addAll(calls.<List<Object>>read(LAST_MESSAGES, ScriptOutputType.MULTI, keys));
        }
        List<InboxEntry> entries = new ArrayList<>(keys.length);
        for (int i = 0; i < keys.length; i++) {
            InboxEntry e = page.dialogs().get(i);
            ChatMessage last = members.get(i) instanceof String member ? Replies.message(member) : null;
            entries.add(new InboxEntry(e.dialogId(), e.friendId(), e.name(), e.activity(), last, e.unread(),
                    e.readUpTo(), e.friendReadUpTo()));
        }
        return new InboxPage(entries, page.hasMore());
    }

    /**
     * {@code has_message} on the dialog's primary (a replica could miss a message stored a moment ago), then one
     * pipeline: {@code inbox_read} on the reader's slot, {@code inbox_friend_read} on the friend's.
     */
    ReadOutcome markRead(UUID userId, UUID friendId, UUID dialogId, PageCursor upTo) {
        if (!hasMessage(dialogId, upTo, true)) {
            return new ReadOutcome(ReadOutcome.Status.NO_SUCH_MESSAGE, null);
        }
        String[] args = {dialogId.toString(), Long.toString(upTo.ts()), upTo.id().toString()};
        String[] friendKeys = {RedisKeys.inbox(friendId), RedisKeys.inboxDialogs(friendId)};
        List<List<Object>> replies = calls.writeEach(ScriptOutputType.MULTI, List.of(
                new Call(INBOX_READ, userKeys(userId), args), new Call(INBOX_FRIEND_READ, friendKeys, args)));
        List<Object> own = replies.get(0);
        return new ReadOutcome(((Number) own.get(0)).longValue() == 1 ? ReadOutcome.Status.MOVED
                : ReadOutcome.Status.UNCHANGED, InboxReplies.position((String) own.get(1)));
    }

    /**
     * {@code has_message}: with FCALL on the primary when {@code current} (a write decides by it), else with FCALL_RO
     * where the read preference sends reads.
     */
    boolean hasMessage(UUID dialogId, PageCursor at, boolean current) {
        if (at.ts() < 0 || at.ts() > MAX_TS) { // no message can be there: write_message refuses such a ts
            return false;
        }
        String[] keys = {RedisKeys.messages(dialogId)};
        String ts = Long.toString(at.ts());
        String id = at.id().toString();
        Long found = current ? calls.call(HAS_MESSAGE, ScriptOutputType.INTEGER, keys, ts, id)
                : calls.read(HAS_MESSAGE, ScriptOutputType.INTEGER, keys, ts, id);
        return found != 0;
    }

    private static Call enterCall(Dialog dialog, UUID user, UUID friend, String now) {
        return new Call(INBOX_ENTER, new String[] {RedisKeys.inbox(user), RedisKeys.inboxDialogs(user)},
                new String[] {dialog.id().toString(), friend.toString(), dialog.name(), now});
    }

    private static String[] userKeys(UUID userId) {
        return new String[] {RedisKeys.inbox(userId), RedisKeys.inboxDialogs(userId), RedisKeys.inboxUnread(userId)};
    }
}
