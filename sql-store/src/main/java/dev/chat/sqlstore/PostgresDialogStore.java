package dev.chat.sqlstore;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.ClientIdClaim;
import dev.chat.common.dialog.Dialog;
import dev.chat.common.dialog.DialogCreation;
import dev.chat.common.dialog.DialogStore;
import dev.chat.common.dialog.EncodedMessage;
import dev.chat.common.dialog.EncodedPage;
import dev.chat.common.dialog.InboxPage;
import dev.chat.common.dialog.MessagePage;
import dev.chat.common.dialog.MessageWrite;
import dev.chat.common.dialog.PageCursor;
import dev.chat.common.dialog.PageRequest;
import dev.chat.common.dialog.ReadOutcome;
import dev.chat.common.dialog.WriteOutcome;
import dev.chat.common.id.MessageIds;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SQL baseline of {@link DialogStore}: PostgreSQL tables {@code dialogs} and {@code messages}
 * (migrations at {@link DialogSchema#LOCATION}), plain statements over a {@link DataSource}.
 *
 * <p>Every statement runs on its own in autocommit mode (no explicit transactions): each operation is
 * one statement, so one network round trip on a pooled connection, and atomic by itself. Inside a
 * caller's READ COMMITTED transaction it behaves the same. Thread-safe: the class holds no state but the
 * pool. Database failures surface as Spring's {@link org.springframework.dao.DataAccessException}.
 *
 * <p>Same semantics as the Redis Functions store, with these SQL-side facts:
 * <ul>
 *   <li>A pair is stored ordered: {@code user_low} is the smaller id in uuid order, which Postgres defines
 *       as unsigned byte order, the same as {@link MessageIds#compare} and as the lower-case strings.</li>
 *   <li>Message text is stored as its UTF-8 bytes ({@code bytea}), so every string comes back unchanged,
 *       NUL ({@code U+0000}) included, which a PostgreSQL {@code text} column cannot hold. Dialog names
 *       stay {@code text}: a name containing NUL is rejected with {@link IllegalArgumentException} (the
 *       Redis store would keep it; the API layer rejects NUL for both stores).</li>
 *   <li>Client ids are remembered for good (a unique index); the Redis store forgets them 24 h after a
 *       dialog's last write or past 10,000 per dialog.</li>
 *   <li>Message-id idempotency holds across dialogs and timestamps (primary key on the id); the Redis
 *       store checks the id among the dialog's messages of the same millisecond. Equal for callers whose
 *       {@code ts} is the id's own millisecond, as the gateway's are.</li>
 *   <li>A new dialog id already used by another pair fails with
 *       {@link org.springframework.dao.DuplicateKeyException} (ids are random UUIDs; Redis would not check).</li>
 * </ul>
 */
public final class PostgresDialogStore implements DialogStore {

    /** Largest timestamp the Redis functions accept: 15 digits, exact in a double score. */
    static final long MAX_TS = 999_999_999_999_999L;
    /** Client ids the Redis functions accept: 1..200 UTF-8 bytes. */
    static final int MAX_CLIENT_ID_BYTES = 200;

    private static final RowMapper<Dialog> DIALOG = (rs, row) -> new Dialog(
            rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("owner_id", UUID.class));

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ClientIdClaims claims;
    private final PostgresInbox inbox;

    public PostgresDialogStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.claims = new ClientIdClaims(jdbc);
        this.inbox = new PostgresInbox(jdbc);
    }

    /**
     * One statement ({@code INSERT ... ON CONFLICT (user_low, user_high) DO NOTHING} and a SELECT of the
     * existing row, as one CTE), two when another caller created the same pair and committed while this statement
     * ran (then {@code created} is false here); then one more that puts the dialog in both users' inboxes.
     *
     * @throws IllegalArgumentException when the name contains NUL
     */
    @Override
    public DialogCreation makeDialog(UUID userId, UUID friendId, UUID newDialogId, String name) {
        Objects.requireNonNull(newDialogId, "newDialogId");
        String dialogName = name == null ? "" : withoutNul(name, "dialog name");
        UUID[] pair = pair(userId, friendId);
        DialogCreation creation = jdbc.sql(DialogSql.MAKE_DIALOG)
                .params(newDialogId, pair[0], pair[1], dialogName, userId, pair[0], pair[1])
                .query((rs, row) -> new DialogCreation(DIALOG.mapRow(rs, row), rs.getBoolean("created")))
                .optional()
                .orElseGet(() -> new DialogCreation(find(pair).orElseThrow(
                        () -> new IllegalStateException("sql-store: dialog of " + userId + " and " + friendId
                                + " conflicted on creation but cannot be read")), false));
        inbox.enter(creation.dialog(), userId, friendId, System.currentTimeMillis());
        return creation;
    }

    /** One SELECT on the unique pair index: one round trip. */
    @Override
    public Optional<Dialog> findDialog(UUID userId, UUID friendId) {
        return find(pair(userId, friendId));
    }

    /**
     * Without a client id: one {@code INSERT ... ON CONFLICT DO NOTHING}, one round trip. With one: one
     * statement that inserts or else finds the earlier message of the same client request (or the same
     * id), one round trip; two when the conflicting write committed while this statement ran.
     *
     * @throws IllegalArgumentException when {@code ts} is outside 0..999,999,999,999,999 or the client id
     *                                  is empty or over 200 bytes (the limits of the Redis functions)
     */
    @Override
    public WriteOutcome writeMessage(ChatMessage message, String clientId) {
        check(message, clientId);
        if (clientId == null) {
            int inserted = jdbc.sql(DialogSql.INSERT_MESSAGE)
                    .params(message.id(), message.chatId(), message.authorId(), message.ts(), utf8(message))
                    .update();
            return new WriteOutcome(inserted == 1, message.id());
        }
        Optional<WriteOutcome> outcome = jdbc.sql(DialogSql.WRITE_MESSAGE)
                .params(message.id(), message.chatId(), message.authorId(), message.ts(), clientId,
                        utf8(message), message.chatId(), message.authorId(), clientId, message.id())
                .query(PostgresDialogStore::outcome)
                .optional();
        return outcome.orElseGet(() -> jdbc.sql(DialogSql.FIND_WRITTEN)
                .params(message.chatId(), message.authorId(), clientId, message.id())
                .query(PostgresDialogStore::outcome)
                .optional()
                .orElseThrow(() -> new IllegalStateException("sql-store: message " + message.id()
                        + " conflicted on insert but cannot be read")));
    }

    /**
     * The same statements as {@link #writeMessage}, one after the other in one transaction: one commit, so one
     * WAL flush for the lot instead of one per message (the cost of each write under the default
     * {@code synchronous_commit}). Each statement sees the ones before it, so a batch keeps the sequential
     * semantics. A failure rolls the whole batch back; arguments are checked before it starts. A write that keeps
     * the inbox adds one statement (both users' {@code inbox} rows) to the transaction, so there message and inbox
     * are atomic.
     */
    @Override
    public List<WriteOutcome> writeMessages(List<MessageWrite> writes) {
        writes.forEach(write -> {
            check(write.message(), write.clientId());
            withoutNul(write.dialogName(), "dialog name");
        });
        if (writes.size() == 1 && !writes.get(0).keepsInbox()) {
            return List.of(writeMessage(writes.get(0).message(), writes.get(0).clientId()));
        }
        return transaction.execute(status -> writes.stream().map(this::writeKeepingInbox).toList());
    }

    /** A write that keeps the inbox also raises both users' rows, in the same transaction, unless a client-id duplicate. */
    private WriteOutcome writeKeepingInbox(MessageWrite write) {
        WriteOutcome outcome = writeMessage(write.message(), write.clientId());
        if (write.keepsInbox() && outcome.messageId().equals(write.message().id())) {
            inbox.keep(write);
        }
        return outcome;
    }

    /** One statement: the inbox rows by activity, each with its last message and unread count (see {@link PostgresInbox}). */
    @Override
    public InboxPage showInbox(UUID userId, PageCursor before, int limit) {
        return inbox.show(Objects.requireNonNull(userId, "userId"), before, limit);
    }

    /** Two or three statements, no transaction: each is idempotent, and the friend reads the same marker row. */
    @Override
    public ReadOutcome markRead(UUID userId, UUID friendId, UUID dialogId, PageCursor upTo) {
        return inbox.markRead(userId, dialogId, upTo);
    }

    /** One SELECT on the primary key (the same one {@link #markRead} asks first). */
    @Override
    public boolean hasMessage(UUID dialogId, PageCursor at) {
        return inbox.hasMessage(Objects.requireNonNull(dialogId, "dialogId"), at);
    }

    /** One statement (see {@link ClientIdClaims}); the claim's expiry is the database's clock. */
    @Override
    public ClientIdClaim claimClientId(UUID dialogId, UUID authorId, String clientId, ClientIdClaim claim,
                                       Duration ttl) {
        checkClientId(clientId);
        return claims.claim(dialogId, authorId, clientId, claim, ttl);
    }

    /**
     * One SELECT walking the index {@code (dialog_id, ts, id)} from the cursor (or the dialog's newest or
     * oldest end), reading {@code limit + 1} entries to tell {@code hasMore}: one round trip.
     */
    @Override
    public MessagePage showMessages(UUID dialogId, PageRequest request) {
        List<ChatMessage> rows = page(dialogId, request, (rs, row) -> message(rs, dialogId));
        boolean hasMore = rows.size() > request.limit();
        return new MessagePage(hasMore ? rows.subList(0, request.limit()) : rows, hasMore);
    }

    /** The same statement as {@link #showMessages}; each row encoded straight from its columns. */
    @Override
    public EncodedPage showEncoded(UUID dialogId, PageRequest request) {
        List<EncodedMessage> rows = page(dialogId, request, (rs, row) -> EncodedMessage.encode(
                rs.getObject("id", UUID.class), rs.getObject("author_id", UUID.class), dialogId,
                rs.getBytes("message"), rs.getLong("ts")));
        boolean hasMore = rows.size() > request.limit();
        return new EncodedPage(hasMore ? rows.subList(0, request.limit()) : rows, hasMore);
    }

    /** {@code limit + 1} rows from the cursor (or the dialog's newest or oldest end), to tell {@code hasMore}. */
    private <T> List<T> page(UUID dialogId, PageRequest request, RowMapper<T> rows) {
        Objects.requireNonNull(dialogId, "dialogId");
        List<Object> params = new ArrayList<>(4);
        params.add(dialogId);
        if (request.cursor() != null) {
            params.add(request.cursor().ts());
            params.add(request.cursor().id());
        }
        params.add(request.limit() + 1);
        return jdbc.sql(DialogSql.page(request.direction(), request.cursor() != null)).params(params).query(rows).list();
    }

    private Optional<Dialog> find(UUID[] pair) {
        return jdbc.sql(DialogSql.FIND_DIALOG).params(pair[0], pair[1]).query(DIALOG).optional();
    }

    /** The pair in stored order: (smaller, larger) by uuid order, i.e. unsigned bytes. */
    private static UUID[] pair(UUID userId, UUID friendId) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(friendId, "friendId");
        return MessageIds.compare(userId, friendId) <= 0
                ? new UUID[] {userId, friendId} : new UUID[] {friendId, userId};
    }

    private static WriteOutcome outcome(ResultSet rs, int row) throws SQLException {
        return new WriteOutcome(rs.getInt("rank") == 0, rs.getObject("id", UUID.class));
    }

    private static ChatMessage message(ResultSet rs, UUID dialogId) throws SQLException {
        return new ChatMessage(rs.getObject("id", UUID.class), rs.getObject("author_id", UUID.class), dialogId,
                new String(rs.getBytes("message"), StandardCharsets.UTF_8), rs.getLong("ts"));
    }

    private static void check(ChatMessage message, String clientId) {
        Objects.requireNonNull(message, "message");
        if (message.ts() < 0 || message.ts() > MAX_TS) {
            throw new IllegalArgumentException("sql-store: ts must be epoch milliseconds 0.." + MAX_TS + ", was " + message.ts());
        }
        if (clientId != null) {
            checkClientId(clientId);
        }
    }

    private static void checkClientId(String clientId) {
        int bytes = clientId.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > MAX_CLIENT_ID_BYTES) {
            throw new IllegalArgumentException("sql-store: client id must be 1.." + MAX_CLIENT_ID_BYTES
                    + " bytes, was " + bytes);
        }
    }

    private static byte[] utf8(ChatMessage message) {
        return message.message().getBytes(StandardCharsets.UTF_8);
    }

    private static String withoutNul(String text, String what) {
        if (text.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("sql-store: " + what + " contains NUL (U+0000), which PostgreSQL text cannot store");
        }
        return text;
    }
}
