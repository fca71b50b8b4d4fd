package dev.chat.loadtest.seed;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.id.MessageIds;
import dev.chat.sqlstore.DialogSchema;
import org.flywaydb.core.Flyway;

/**
 * Dialogs and messages of the SQL store by batched inserts (a row a message through
 * {@code PostgresDialogStore} would take an hour for millions). The rows are the ones the store writes:
 * the schema of {@code sql-store/src/main/resources/db/dialogs/V1__dialogs.sql}, pair ordered by
 * {@link MessageIds#compare}, text as UTF-8 {@code bytea}, no client id.
 */
final class SqlDialogLoader implements DialogLoader {

    private static final int DIALOGS_PER_CHUNK = 100;
    private static final String INSERT_DIALOG =
            "INSERT INTO dialogs (id, user_low, user_high, name, owner_id) VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_MESSAGE =
            "INSERT INTO messages (id, dialog_id, author_id, ts, message) VALUES (?, ?, ?, ?, ?)";

    private final DataSource db;
    private final int threads;

    SqlDialogLoader(DataSource db, int threads) {
        this.db = db;
        this.threads = threads;
        // the services run the same migrations with the same settings (DialogSchema); already applied = no-op
        Flyway.configure().dataSource(db).locations(DialogSchema.LOCATION).table(DialogSchema.HISTORY_TABLE)
                .baselineOnMigrate(DialogSchema.BASELINE_ON_MIGRATE).baselineVersion(DialogSchema.BASELINE_VERSION)
                .load().migrate();
    }

    @Override
    public void load(SeedPlan plan, int messagesPerDialog, long beforeMillis, Progress progress) throws Exception {
        long firstMillis = beforeMillis - (messagesPerDialog + 1) * 1000L;
        long chunks = (plan.dialogCount() + DIALOGS_PER_CHUNK - 1) / DIALOGS_PER_CHUNK;
        Parallel.forEachIndex(chunks, threads, chunk -> {
            long from = chunk * DIALOGS_PER_CHUNK;
            long to = Math.min(from + DIALOGS_PER_CHUNK, plan.dialogCount());
            insertChunk(plan, from, to, messagesPerDialog, firstMillis);
            progress.add((to - from) * messagesPerDialog);
        });
    }

    private void insertChunk(SeedPlan plan, long from, long to, int messagesPerDialog, long firstMillis) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement dialogs = c.prepareStatement(INSERT_DIALOG);
             PreparedStatement messages = c.prepareStatement(INSERT_MESSAGE)) {
            c.setAutoCommit(false);
            for (long d = from; d < to; d++) {
                UUID owner = plan.owner(d);
                UUID friend = plan.friend(d);
                UUID dialog = UUID.randomUUID();
                boolean ordered = MessageIds.compare(owner, friend) <= 0;
                dialogs.setObject(1, dialog);
                dialogs.setObject(2, ordered ? owner : friend);
                dialogs.setObject(3, ordered ? friend : owner);
                dialogs.setString(4, "");
                dialogs.setObject(5, owner);
                dialogs.addBatch();
                for (int m = 0; m < messagesPerDialog; m++) {
                    addMessage(messages, Texts.message(dialog, m % 2 == 0 ? owner : friend, firstMillis, m));
                }
            }
            dialogs.executeBatch();
            messages.executeBatch();
            c.commit();
        }
    }

    private static void addMessage(PreparedStatement insert, ChatMessage m) throws SQLException {
        insert.setObject(1, m.id());
        insert.setObject(2, m.chatId());
        insert.setObject(3, m.authorId());
        insert.setLong(4, m.ts());
        insert.setBytes(5, m.message().getBytes(StandardCharsets.UTF_8));
        insert.addBatch();
    }

    /**
     * What a database that had grown this way would have had done by autovacuum: statistics, hint bits and
     * the visibility map set, and a checkpoint, so the run does not pay for the bulk load.
     */
    @Override
    public void settle() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("VACUUM (ANALYZE) dialogs, messages");
            s.execute("CHECKPOINT");
        }
    }

    @Override
    public void close() {
        // the pool belongs to SeedMain
    }
}
