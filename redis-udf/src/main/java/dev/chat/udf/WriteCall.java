package dev.chat.udf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.MessageWrite;

/** The keys and arguments of one {@code write_message} (or {@code write_inbox_message}) call, checked. */
record WriteCall(String[] keys, String[] args) {

    /** The longest client id write_message accepts. */
    static final int MAX_CLIENT_ID_BYTES = 200;

    static WriteCall of(ChatMessage message, String clientId) {
        String[] base = base(message);
        UUID dialogId = message.chatId();
        if (clientId == null) {
            return new WriteCall(new String[] {RedisKeys.messages(dialogId)}, base);
        }
        checkClientId(clientId);
        String[] args = Arrays.copyOf(base, base.length + 1);
        args[base.length] = RedisKeys.requestField(message.authorId(), clientId);
        return new WriteCall(new String[] {RedisKeys.messages(dialogId), RedisKeys.requests(dialogId)}, args);
    }

    /** {@code write_inbox_message}: the message, its dialog and both users' inboxes in one call (one Redis only). */
    static WriteCall withInbox(MessageWrite write) {
        ChatMessage message = write.message();
        String[] base = base(message);
        if (write.clientId() != null) {
            checkClientId(write.clientId());
        }
        String clientKey = write.clientId() == null ? "" : RedisKeys.requestField(message.authorId(), write.clientId());
        String[] args = Arrays.copyOf(base, base.length + 3);
        args[base.length] = clientKey;
        args[base.length + 1] = write.recipientId().toString();
        args[base.length + 2] = write.dialogName();
        UUID author = message.authorId();
        UUID recipient = write.recipientId();
        String[] keys = {RedisKeys.messages(message.chatId()), RedisKeys.requests(message.chatId()),
                RedisKeys.inbox(author), RedisKeys.inboxDialogs(author), RedisKeys.inboxUnread(author),
                RedisKeys.inbox(recipient), RedisKeys.inboxDialogs(recipient), RedisKeys.inboxUnread(recipient)};
        return new WriteCall(keys, args);
    }

    /** {@code inbox_message} for one of the two users of a stored message: {@code user}'s inbox, friend the other. */
    static WriteCall inboxMessage(MessageWrite write, UUID user) {
        ChatMessage message = write.message();
        UUID friend = user.equals(message.authorId()) ? write.recipientId() : message.authorId();
        String[] keys = {RedisKeys.inbox(user), RedisKeys.inboxDialogs(user), RedisKeys.inboxUnread(user)};
        String[] args = {message.chatId().toString(), friend.toString(), write.dialogName(), message.id().toString(),
                message.authorId().toString(), Long.toString(message.ts())};
        return new WriteCall(keys, args);
    }

    static void checkClientId(String clientId) {
        int bytes = clientId.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > MAX_CLIENT_ID_BYTES) {
            throw new IllegalArgumentException("clientId must be 1.." + MAX_CLIENT_ID_BYTES + " UTF-8 bytes, was "
                    + bytes);
        }
    }

    private static String[] base(ChatMessage message) {
        if (message.ts() < 0) {
            throw new IllegalArgumentException("message ts must be epoch millis >= 0, was " + message.ts());
        }
        return new String[] {message.id().toString(), message.authorId().toString(), message.chatId().toString(),
                message.message(), Long.toString(message.ts())};
    }

    FunctionCalls.Call as(ChatFunction function) {
        return new FunctionCalls.Call(function, keys, args);
    }
}
