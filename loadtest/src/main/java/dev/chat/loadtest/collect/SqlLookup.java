package dev.chat.loadtest.collect;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL store: sql-store's {@code messages} table (db/dialogs/V1__dialogs.sql), rows by id, one statement per
 * batch ({@code id = ANY(?)}, the primary key's index). The primary key makes a second row with one id
 * impossible, so "duplicated" stays 0 here unless the schema changes; counted all the same, like Redis.
 */
final class SqlLookup implements StoreLookup {

    private static final String COPIES = "SELECT id, count(*) FROM messages WHERE id = ANY(?) GROUP BY id";

    private final Connection connection;

    SqlLookup(String jdbcUrl, String user, String password) throws SQLException {
        this.connection = user == null ? DriverManager.getConnection(jdbcUrl) : DriverManager.getConnection(jdbcUrl, user, password);
        connection.setReadOnly(true);
    }

    @Override
    public int[] copies(List<AcceptedMessage> batch) throws SQLException {
        Map<UUID, Integer> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(COPIES)) {
            Array ids = connection.createArrayOf("uuid", batch.stream().map(AcceptedMessage::id).toArray());
            select.setArray(1, ids);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getObject(1, UUID.class), rs.getInt(2));
                }
            }
            ids.free();
        }
        int[] copies = new int[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            copies[i] = found.getOrDefault(batch.get(i).id(), 0);
        }
        return copies;
    }

    @Override
    public String method() {
        return "SELECT id, count(*) FROM messages WHERE id = ANY(?) GROUP BY id, " + BATCH + " ids a statement";
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            System.err.println("delivery: closing the PostgreSQL connection: " + e.getMessage());
        }
    }
}
