package dev.chat.udf;

import java.util.UUID;

/**
 * The only place key names are built. The layout is the brief's contract, byte for byte:
 * {@code dialog:<user_id>:<friend_id>} and {@code messages:<dialog_id>}, with no hash tags added, so on a
 * cluster the two orders of one dialog key live in different slots (see redis-udf/README.md).
 */
public final class RedisKeys {

    private RedisKeys() {
    }

    /** The dialog metadata of {@code userId} with {@code friendId}, in this order. */
    public static String dialog(UUID userId, UUID friendId) {
        return "dialog:" + userId + ":" + friendId;
    }

    /** The ZSET of a dialog's messages. */
    public static String messages(UUID dialogId) {
        return "messages:" + dialogId;
    }

    /**
     * The hash remembering client request ids of a dialog. Its hash tag is the messages key, so both are
     * in one slot and {@code write_message} can touch them in one call on a cluster.
     */
    public static String requests(UUID dialogId) {
        return "{" + messages(dialogId) + "}:requests";
    }

    /**
     * The hash of a dialog's client id claims ({@code claim_client_id}), in the slot of its messages key like
     * {@link #requests}; its fields are {@link #requestField}s.
     */
    public static String claims(UUID dialogId) {
        return "{" + messages(dialogId) + "}:claims";
    }

    /** The field of {@link #requests} for one sender's request id: dedupe is per author and dialog. */
    public static String requestField(UUID authorId, String clientId) {
        return authorId + ":" + clientId;
    }

    /**
     * A user's dialogs by last activity (zset: dialog id, score epoch ms). With {@link #inboxDialogs} and
     * {@link #inboxUnread}, which carry it as their hash tag, one slot per user, never the slot of a dialog's
     * messages: keeping the inbox on a cluster takes a call per user (see chat.lua, "inbox").
     */
    public static String inbox(UUID userId) {
        return "inbox:" + userId;
    }

    /** The hash of a user's inbox entries: name and friend, last message, both read markers, per dialog. */
    public static String inboxDialogs(UUID userId) {
        return "{" + inbox(userId) + "}:dialogs";
    }

    /** The set of the friends' messages a user has not read, by dialog (lexically ordered positions). */
    public static String inboxUnread(UUID userId) {
        return "{" + inbox(userId) + "}:unread";
    }
}
