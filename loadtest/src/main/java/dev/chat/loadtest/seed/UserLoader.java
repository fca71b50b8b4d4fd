package dev.chat.loadtest.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Users and friendships into the gateway's tables ({@code gateway/src/main/resources/db/migration}), by
 * batched inserts. Every user gets the same BCrypt hash (of one known password), computed once: hashing
 * per user would cost ~0.1 s each.
 */
final class UserLoader {

    private static final int USERS_PER_CHUNK = 500;
    private static final String INSERT_USER = """
            INSERT INTO users (id, first_name, second_name, birthdate, biography, city, password_hash)
            VALUES (?, ?, ?, DATE '1990-01-01' + (? % 10000), 'seeded by ./chat seed', 'Loadtown', ?)""";
    private static final String INSERT_FRIEND = "INSERT INTO friendships (user_id, friend_id) VALUES (?, ?)";

    private final DataSource db;
    private final int threads;

    UserLoader(DataSource db, int threads) {
        this.db = db;
        this.threads = threads;
    }

    /** Fails fast, naming the fix, when the gateway has not created its tables (the system is not up). */
    void checkSchema() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('users') IS NOT NULL AND to_regclass('friendships') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                throw new IllegalStateException("seed: Postgres has no users/friendships tables yet; the gateway creates "
                        + "them on start: run ./chat up first");
            }
        }
    }

    void load(SeedPlan plan, String passwordHash, Progress progress) throws Exception {
        long chunks = (plan.userCount() + USERS_PER_CHUNK - 1) / USERS_PER_CHUNK;
        Parallel.forEachIndex(chunks, threads, chunk -> {
            int from = (int) (chunk * USERS_PER_CHUNK);
            int to = Math.min(from + USERS_PER_CHUNK, plan.userCount());
            insertUsers(plan, from, to, passwordHash);
            progress.add(to - from);
        });
    }

    /** Both directions of every dialog's pair, once all users exist (the table has foreign keys). */
    void loadFriendships(SeedPlan plan, Progress progress) throws Exception {
        long chunks = (plan.userCount() + USERS_PER_CHUNK - 1) / USERS_PER_CHUNK;
        Parallel.forEachIndex(chunks, threads, chunk -> {
            int from = (int) (chunk * USERS_PER_CHUNK);
            int to = Math.min(from + USERS_PER_CHUNK, plan.userCount());
            try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement(INSERT_FRIEND)) {
                c.setAutoCommit(false);
                for (int u = from; u < to; u++) {
                    for (UUID friend : plan.friendsOf(u)) {
                        insert.setObject(1, plan.user(u));
                        insert.setObject(2, friend);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
            progress.add(to - from);
        });
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("VACUUM (ANALYZE) users, friendships");
        }
    }

    private void insertUsers(SeedPlan plan, int from, int to, String passwordHash) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement(INSERT_USER)) {
            c.setAutoCommit(false);
            for (int u = from; u < to; u++) {
                insert.setObject(1, plan.user(u));
                insert.setString(2, "Load" + u);
                insert.setString(3, "Tester" + u);
                insert.setInt(4, u);
                insert.setString(5, passwordHash);
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        }
    }
}
