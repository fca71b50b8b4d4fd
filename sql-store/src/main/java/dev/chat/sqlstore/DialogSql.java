package dev.chat.sqlstore;

import dev.chat.common.dialog.PageRequest.Direction;

/**
 * The statements of {@link PostgresDialogStore}, one per operation (plus the lookups that settle a lost
 * race). Pairs are passed already ordered (user_low, user_high), see {@link PostgresDialogStore}.
 */
final class DialogSql {

    /**
     * Creates the pair's dialog or returns the existing one, in one statement. The inserted row is not
     * visible to the second branch (same snapshot), so exactly one branch yields a row, except when a
     * concurrent creation of the pair committed after this statement's snapshot: then neither does and the
     * caller reads it with {@link #FIND_DIALOG}.
     * Params: id, user_low, user_high, name, owner_id, user_low, user_high.
     */
    static final String MAKE_DIALOG = """
            WITH inserted AS (
                INSERT INTO dialogs (id, user_low, user_high, name, owner_id)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (user_low, user_high) DO NOTHING
                RETURNING id, name, owner_id
            )
            SELECT id, name, owner_id, true AS created FROM inserted
            UNION ALL
            SELECT id, name, owner_id, false FROM dialogs WHERE user_low = ? AND user_high = ?
            """;

    /** Params: user_low, user_high. Uses the unique index dialogs_pair_key. */
    static final String FIND_DIALOG = """
            SELECT id, name, owner_id FROM dialogs WHERE user_low = ? AND user_high = ?
            """;

    /**
     * A write without a client id: only the primary key can conflict, the update count says which.
     * Params: id, dialog_id, author_id, ts, message.
     */
    static final String INSERT_MESSAGE = """
            INSERT INTO messages (id, dialog_id, author_id, ts, message)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """;

    /** Params: dialog_id, author_id, client_id, id. Uses messages_client_key and messages_pkey. */
    static final String FIND_WRITTEN = """
            (SELECT id, 1 AS rank FROM messages WHERE dialog_id = ? AND author_id = ? AND client_id = ?
             UNION ALL
             SELECT id, 2 FROM messages WHERE id = ?)
            ORDER BY rank
            LIMIT 1
            """;

    /**
     * A write with a client id, in one statement: insert unless the id or the (dialog, author, client id)
     * is taken, else report what is stored. Rank 0: inserted; 1: an earlier message of the same client
     * request (its id wins, as in the Redis store, which checks the client id first); 2: the id itself.
     * No row: the conflicting row committed after this statement's snapshot; then {@link #FIND_WRITTEN}
     * alone, in a statement of its own, sees it.
     * Params: id, dialog_id, author_id, ts, client_id, message, then {@link #FIND_WRITTEN}'s.
     */
    static final String WRITE_MESSAGE = """
            WITH inserted AS (
                INSERT INTO messages (id, dialog_id, author_id, ts, client_id, message)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                RETURNING id
            )
            SELECT id, 0 AS rank FROM inserted
            UNION ALL
            """ + FIND_WRITTEN;

    /** The page statement for a direction, with or without a cursor. Params: dialog_id, [ts, id,] limit. */
    static String page(Direction direction, boolean fromCursor) {
        boolean older = direction == Direction.OLDER;
        String bound = !fromCursor ? "" : older ? " AND (ts, id) < (?, ?)" : " AND (ts, id) > (?, ?)";
        String order = older ? "ts DESC, id DESC" : "ts, id";
        return "SELECT id, author_id, ts, message FROM messages WHERE dialog_id = ?" + bound
                + " ORDER BY " + order + " LIMIT ?";
    }

    private DialogSql() {
    }
}
