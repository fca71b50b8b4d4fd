package dev.chat.sqlstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import dev.chat.common.dialog.ChatMessage;
import dev.chat.common.dialog.DialogCreation;
import dev.chat.common.dialog.PageRequest.Direction;
import dev.chat.common.dialog.WriteOutcome;
import dev.chat.common.id.MessageIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What only the SQL store has: its schema, its index use and its behaviour under concurrent writers. */
class PostgresDialogStoreSqlTests {

    private static final int THREADS = 8;

    private static HikariDataSource dataSource;
    private static PostgresDialogStore store;
    private static JdbcClient jdbc;
    private static ExecutorService pool;

    @BeforeAll
    static void database() {
        dataSource = DialogDatabase.migrated();
        store = new PostgresDialogStore(dataSource);
        jdbc = JdbcClient.create(dataSource);
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void close() {
        pool.shutdownNow();
        dataSource.close();
    }

    @Test
    void migrationsApplyToAnEmptyDatabaseWithTheirOwnHistoryTable() {
        try (HikariDataSource fresh = DialogDatabase.empty()) {
            assertThat(DialogDatabase.migrate(fresh).migrationsExecuted).isPositive();
            assertThat(DialogDatabase.migrate(fresh).migrationsExecuted).isZero();
            assertThat(tables(fresh)).contains("dialogs", "messages", "client_id_claims", "inbox", "read_markers",
                            DialogSchema.HISTORY_TABLE)
                    .doesNotContain("flyway_schema_history");
        }
    }

    @Test
    void migrationsApplyBesideAnotherServicesTablesAndHistory() {
        try (HikariDataSource fresh = DialogDatabase.empty()) {
            JdbcClient other = JdbcClient.create(fresh);
            other.sql("CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY)").update();
            other.sql("CREATE TABLE users (id uuid PRIMARY KEY)").update();
            assertThat(DialogDatabase.migrate(fresh).migrationsExecuted).isPositive();
            assertThat(tables(fresh)).contains("users", "dialogs", "messages", "client_id_claims", "inbox",
                    DialogSchema.HISTORY_TABLE);
        }
    }

    @Test
    void uuidOrderInPostgresIsTheLowerCaseStringOrder() {
        List<UUID> ids = Stream.generate(UUID::randomUUID).limit(2000).collect(Collectors.toList());
        MessageIds generator = new MessageIds();
        Stream.generate(generator::next).limit(500).forEach(ids::add);
        ids.add(new UUID(-1L, -1L));
        ids.add(new UUID(Long.MIN_VALUE, 0L));
        ids.add(new UUID(0L, Long.MIN_VALUE));
        ids.add(new UUID(Long.MAX_VALUE, Long.MAX_VALUE));
        String csv = ids.stream().map(UUID::toString).collect(Collectors.joining(","));

        List<String> sortedByPostgres = jdbc.sql("SELECT u::text FROM unnest(string_to_array(?, ',')::uuid[]) u ORDER BY u")
                .param(csv).query(String.class).list();

        assertThat(sortedByPostgres)
                .isEqualTo(ids.stream().map(UUID::toString).sorted().toList())
                .isEqualTo(ids.stream().sorted(MessageIds::compare).map(UUID::toString).toList());
    }

    @Test
    void concurrentCreationFromBothOrdersMakesOneDialog() throws Exception {
        for (int round = 0; round < 25; round++) {
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            List<DialogCreation> results = race(i -> i % 2 == 0
                    ? store.makeDialog(a, b, UUID.randomUUID(), "from a")
                    : store.makeDialog(b, a, UUID.randomUUID(), "from b"));

            assertThat(results).filteredOn(DialogCreation::created).hasSize(1);
            assertThat(results).extracting(r -> r.dialog()).containsOnly(results.get(0).dialog());
            assertThat(jdbc.sql("SELECT count(*) FROM dialogs WHERE ? IN (user_low, user_high)").param(a)
                    .query(Integer.class).single()).isEqualTo(1);
        }
    }

    @Test
    void concurrentRetriesOfOneClientRequestStoreOneMessage() throws Exception {
        for (int round = 0; round < 25; round++) {
            UUID dialog = UUID.randomUUID();
            UUID author = UUID.randomUUID();
            List<WriteOutcome> results = race(i -> store.writeMessage(
                    new ChatMessage(UUID.randomUUID(), author, dialog, "retried " + i, 1_000L + i), "request-1"));

            assertThat(results).filteredOn(WriteOutcome::stored).hasSize(1);
            UUID first = results.stream().filter(WriteOutcome::stored).findFirst().orElseThrow().messageId();
            assertThat(results).extracting(WriteOutcome::messageId).containsOnly(first);
            assertThat(jdbc.sql("SELECT count(*) FROM messages WHERE dialog_id = ?").param(dialog)
                    .query(Integer.class).single()).isEqualTo(1);
        }
    }

    @Test
    void pagesWalkTheDialogIndexWithoutSorting() {
        UUID dialog = seedManyDialogs();
        String newest = explain(DialogSql.page(Direction.OLDER, false), dialog, 21);
        String older = explain(DialogSql.page(Direction.OLDER, true), dialog, 5_000L, UUID.randomUUID(), 21);
        String newer = explain(DialogSql.page(Direction.NEWER, true), dialog, 5_000L, UUID.randomUUID(), 21);

        assertThat(newest).contains("Index Scan Backward using messages_dialog_ts_id").doesNotContain("Sort");
        assertThat(older).contains("Index Scan Backward using messages_dialog_ts_id")
                .contains("ROW(ts, id) < ROW(").doesNotContain("Sort");
        assertThat(newer).contains("Index Scan using messages_dialog_ts_id")
                .contains("ROW(ts, id) > ROW(").doesNotContain("Sort");
    }

    @Test
    void dialogLookupUsesThePairIndex() {
        seedManyDialogs();
        assertThat(explain(DialogSql.FIND_DIALOG, UUID.randomUUID(), UUID.randomUUID()))
                .contains("using dialogs_pair_key");
    }

    /** 400 dialogs of 50 messages each plus fresh statistics, so the planner chooses as in production. */
    private static UUID seedManyDialogs() {
        jdbc.sql("""
                INSERT INTO dialogs (id, user_low, user_high, name)
                SELECT gen_random_uuid(), least(a, b), greatest(a, b), '' FROM
                  (SELECT gen_random_uuid() a, gen_random_uuid() b FROM generate_series(1, 400)) p
                """).update();
        jdbc.sql("""
                INSERT INTO messages (id, dialog_id, author_id, ts, message)
                SELECT gen_random_uuid(), d.id, d.owner, 1000 + n * 10, convert_to('message ' || n, 'UTF8')
                FROM (SELECT id, user_low AS owner FROM dialogs) d, generate_series(1, 50) n
                """).update();
        jdbc.sql("ANALYZE dialogs").update();
        jdbc.sql("ANALYZE messages").update();
        return jdbc.sql("SELECT dialog_id FROM messages LIMIT 1").query(UUID.class).single();
    }

    private static String explain(String sql, Object... params) {
        return String.join("\n", jdbc.sql("EXPLAIN " + sql).params(params).query(String.class).list());
    }

    private static List<String> tables(HikariDataSource dataSource) {
        return JdbcClient.create(dataSource)
                .sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                .query(String.class).list();
    }

    private interface Attempt<T> {
        T run(int index);
    }

    /** Runs the attempt on all threads at once and returns each thread's result. */
    private static <T> List<T> race(Attempt<T> attempt) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int index = i;
            Callable<T> task = () -> {
                start.await();
                return attempt.run(index);
            };
            futures.add(pool.submit(task));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }
}
