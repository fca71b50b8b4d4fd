package dev.chat.sqlstore;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.InboxEntry;
import dev.chat.common.dialog.InboxPage;
import dev.chat.common.dialog.MessageWrite;
import dev.chat.common.dialog.PageCursor;
import dev.chat.common.dialog.PageRequest;
import dev.chat.common.dialog.ReadOutcome;
import dev.chat.common.id.MessageIds;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inbox of {@link PostgresDialogStore} over the tables {@code inbox} and {@code read_markers} (V3__inbox.sql).
 * Only activity and markers are stored; the last message and the unread count are read from {@code messages}
 * with the page, so they are exact by construction. Thread-safe.
 */
final class PostgresInbox {

    /** Rows in user order, so that two transactions keeping one pair's rows lock them in the same order. */
    private static final String ENTER = """
            INSERT INTO inbox AS i (user_id, dialog_id, friend_id, name, activity) VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)
            ON CONFLICT (user_id, dialog_id) DO NOTHING
            """;

    private static final String KEEP = """
            INSERT INTO inbox AS i (user_id, dialog_id, friend_id, name, activity) VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)
            ON CONFLICT (user_id, dialog_id) DO UPDATE SET activity = excluded.activity
                WHERE i.activity < excluded.activity
            """;

    /** Params: id, dialog_id, ts. Uses messages_pkey. */
    private static final String HAS_MESSAGE = "SELECT count(*) FROM messages WHERE id = ? AND dialog_id = ? AND ts = ?";

    /** Returns a row only when the marker was made or moved. Params: user_id, dialog_id, ts, message_id. */
    private static final String MOVE_MARKER = """
            INSERT INTO read_markers AS r (user_id, dialog_id, ts, message_id) VALUES (?, ?, ?, ?)
            ON CONFLICT (user_id, dialog_id) DO UPDATE SET ts = excluded.ts, message_id = excluded.message_id
                WHERE (r.ts, r.message_id) < (excluded.ts, excluded.message_id)
            RETURNING ts, message_id
            """;

    private static final String MARKER = "SELECT ts, message_id FROM read_markers WHERE user_id = ? AND dialog_id = ?";

    /**
     * The page, newest activity first, with each dialog's newest message (one index probe of messages_dialog_ts_id)
     * and the friend's messages after the user's marker counted (an index range from the marker).
     * Params: user_id, [activity, dialog_id,] limit.
     */
    private static String page(boolean fromCursor) {
        return """
                SELECT i.dialog_id, i.friend_id, i.name, i.activity,
                       m.id AS last_id, m.author_id AS last_author, m.ts AS last_ts, m.message AS last_message,
                       r.ts AS read_ts, r.message_id AS read_id, f.ts AS friend_ts, f.message_id AS friend_id_read,
                       (SELECT count(*) FROM messages u WHERE u.dialog_id = i.dialog_id AND u.author_id = i.friend_id
                           AND (r.ts IS NULL OR (u.ts, u.id) > (r.ts, r.message_id))) AS unread
                FROM inbox i
                LEFT JOIN read_markers r ON r.user_id = i.user_id AND r.dialog_id = i.dialog_id
                LEFT JOIN read_markers f ON f.user_id = i.friend_id AND f.dialog_id = i.dialog_id
                LEFT JOIN LATERAL (SELECT id, author_id, ts, message FROM messages WHERE dialog_id = i.dialog_id
                                   ORDER BY ts DESC, id DESC LIMIT 1) m ON true
                WHERE i.user_id = ?""" + (fromCursor ? " AND (i.activity, i.dialog_id) < (?, ?)" : "") + """

                ORDER BY i.activity DESC, i.dialog_id DESC
                LIMIT ?
                """;
    }

    private final JdbcClient jdbc;

    PostgresInbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void enter(Dialog dialog, UUID userId, UUID friendId, long now) {
        jdbc.sql(ENTER).params(pairRows(dialog.id(), userId, friendId, dialog.name(), now)).update();
    }

    /** Both users' rows for a stored message: made if missing, activity raised to its ts. */
    void keep(MessageWrite write) {
        ChatMessage message = write.message();
        jdbc.sql(KEEP).params(pairRows(message.chatId(), message.authorId(), write.recipientId(), write.dialogName(),
                message.ts())).update();
    }

    InboxPage show(UUID userId, PageCursor before, int limit) {
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException("sql-store: limit must be 1.." + PageRequest.MAX_LIMIT + ", was " + limit);
        }
        List<Object> params = new ArrayList<>(4);
        params.add(userId);
        if (before != null) {
            params.add(before.ts());
            params.add(before.id());
        }
        params.add(limit + 1);
        List<InboxEntry> rows = jdbc.sql(page(before != null)).params(params).query((rs, row) -> entry(rs)).list();
        boolean hasMore = rows.size() > limit;
        return new InboxPage(hasMore ? rows.subList(0, limit) : rows, hasMore);
    }

    /** Up to two statements: the message looked up, the marker moved (or read back when it stays). */
    ReadOutcome markRead(UUID userId, UUID dialogId, PageCursor upTo) {
        if (!hasMessage(dialogId, upTo)) {
            return new ReadOutcome(ReadOutcome.Status.NO_SUCH_MESSAGE, null);
        }
        Optional<PageCursor> moved = jdbc.sql(MOVE_MARKER).params(userId, dialogId, upTo.ts(), upTo.id())
                .query((rs, row) -> marker(rs, "ts", "message_id")).optional();
        if (moved.isPresent()) {
            return new ReadOutcome(ReadOutcome.Status.MOVED, moved.get());
        }
        return new ReadOutcome(ReadOutcome.Status.UNCHANGED, jdbc.sql(MARKER).params(userId, dialogId)
                .query((rs, row) -> marker(rs, "ts", "message_id")).single());
    }

    boolean hasMessage(UUID dialogId, PageCursor at) {
        return jdbc.sql(HAS_MESSAGE).params(at.id(), dialogId, at.ts()).query(Long.class).single() > 0;
    }

    private static Object[] pairRows(UUID dialogId, UUID userId, UUID friendId, String name, long activity) {
        boolean userFirst = MessageIds.compare(userId, friendId) <= 0;
        UUID first = userFirst ? userId : friendId;
        UUID second = userFirst ? friendId : userId;
        return new Object[] {first, dialogId, second, name, activity, second, dialogId, first, name, activity};
    }

    private static InboxEntry entry(ResultSet rs) throws SQLException {
        UUID dialogId = rs.getObject("dialog_id", UUID.class);
        UUID lastId = rs.getObject("last_id", UUID.class);
        ChatMessage last = lastId == null ? null : new ChatMessage(lastId, rs.getObject("last_author", UUID.class),
                dialogId, new String(rs.getBytes("last_message"), StandardCharsets.UTF_8), rs.getLong("last_ts"));
        return new InboxEntry(dialogId, rs.getObject("friend_id", UUID.class), rs.getString("name"),
                rs.getLong("activity"), last, rs.getLong("unread"), marker(rs, "read_ts", "read_id"),
                marker(rs, "friend_ts", "friend_id_read"));
    }

    private static PageCursor marker(ResultSet rs, String ts, String id) throws SQLException {
        UUID messageId = rs.getObject(id, UUID.class);
        return messageId == null ? null : new PageCursor(rs.getLong(ts), messageId);
    }
}
