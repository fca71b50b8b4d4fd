package dev.chat.loadtest.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.chat.common.dialog.DialogStore;
import dev.chat.sqlstore.DialogSchema;
import dev.chat.sqlstore.PostgresDialogStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

/**
 * The SQL store for the ceiling: a private PostgreSQL 17 (the embedded binaries the tests use) with the server's
 * default durability ({@code synchronous_commit on}, which the embedded builder turns off unless told, and
 * {@code fsync on}), the dialog schema by its Flyway migration, and {@link PostgresDialogStore} over a HikariCP
 * pool of one connection per client thread. Memory: the messages table's and its indexes' size after VACUUM.
 */
final class PostgresCeiling implements CeilingStore {

    private final EmbeddedPostgres postgres;
    private final HikariDataSource pool;
    private final PostgresDialogStore store;
    private final int threads;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PostgresCeiling(EmbeddedPostgres postgres, int threads) {
        this.postgres = postgres;
        this.threads = threads;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(threads);
        config.setMinimumIdle(threads);
        config.setPoolName("ceiling");
        this.pool = new HikariDataSource(config);
        Flyway.configure().dataSource(pool).locations(DialogSchema.LOCATION).table(DialogSchema.HISTORY_TABLE)
                .baselineOnMigrate(DialogSchema.BASELINE_ON_MIGRATE).baselineVersion(DialogSchema.BASELINE_VERSION)
                .load().migrate();
        this.store = new PostgresDialogStore(pool);
    }

    static PostgresCeiling start(int threads) throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(RedisCeiling.freePort())
                .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on").start();
        try {
            return new PostgresCeiling(postgres, threads);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    @Override
    public String key() {
        return "postgres";
    }

    @Override
    public String server() {
        return "PostgreSQL " + show("server_version") + " (embedded binaries), synchronous_commit "
                + show("synchronous_commit") + ", fsync " + show("fsync") + ", shared_buffers " + show("shared_buffers");
    }

    @Override
    public String client() {
        return "the sql-store binding (JDBC, HikariCP " + threads + " connections), " + threads + " threads";
    }

    @Override
    public DialogStore store() {
        return store;
    }

    /** The postmaster: the first line of {@code postmaster.pid}; {@link ProcCpu} adds its backends. */
    @Override
    public Throughput.Server process() {
        try {
            String pid = Files.readAllLines(Path.of(show("data_directory"), "postmaster.pid")).get(0).trim();
            return new Throughput.Server("postgres", Long.parseLong(pid));
        } catch (IOException e) {
            throw new IllegalStateException("ceiling: cannot read PostgreSQL's postmaster.pid", e);
        }
    }

    @Override
    public Map<String, Object> memory(CeilingWorkload workload) throws Exception {
        CeilingWorkload.Dialogs set = workload.memory();
        CeilingWorkload.load(store, set.messages(), threads);
        long table;
        long indexes;
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM messages");
            try (ResultSet rs = s.executeQuery("SELECT pg_table_size('messages'), pg_indexes_size('messages')")) {
                rs.next();
                table = rs.getLong(1);
                indexes = rs.getLong(2);
            }
        }
        StoreMemory memory = new StoreMemory(set.ids().size(), set.messages().size() / set.ids().size(),
                MemberBytes.sum(set.messages()), table + indexes,
                "pg_table_size + pg_indexes_size of the messages table after VACUUM");
        Map<String, Long> parts = new LinkedHashMap<>();
        parts.put("tableBytes", table);
        parts.put("indexBytes", indexes);
        return memory.toJson(parts);
    }

    /** As the seed settles a bulk load: statistics, hint bits and the visibility map set, and a checkpoint. */
    @Override
    public void settle() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE) messages");
            s.execute("CHECKPOINT");
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                pool.close();
            } finally {
                try {
                    postgres.close();
                } catch (IOException e) {
                    System.err.println("ceiling: PostgreSQL did not stop cleanly: " + e.getMessage());
                }
            }
        }
    }

    private String show(String setting) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("ceiling: PostgreSQL SHOW " + setting + " failed", e);
        }
    }
}
